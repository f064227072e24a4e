package io.tracedoc.probe;

import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Namespace;

/**
 * Does the namespace exist, and which Pod Security level does it enforce (its
 * {@code pod-security.kubernetes.io/enforce} label)?
 */
final class NamespaceExistsProbe implements Probe {

	static final String ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

	@Override
	public String id() {
		return "namespace-exists";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String name = arguments.required("namespace", "the namespace");
		Optional<Namespace> namespace = cluster.get(Namespace.class, null, name);
		Observation.Builder observation = new Observation.Builder().put("exists", namespace.isPresent());
		if (namespace.isEmpty()) {
			return observation.evidence("Namespace " + name + ": not found")
				.summary("Namespace " + name + " does not exist");
		}
		Map<String, String> labels = namespace.get().getMetadata().getLabels();
		String enforce = (labels != null) ? labels.get(ENFORCE_LABEL) : null;
		String phase = (namespace.get().getStatus() != null) ? namespace.get().getStatus().getPhase() : null;
		observation.put("pod-security-enforce", enforce)
			.evidence("Namespace " + name + ": " + ((phase != null) ? "phase " + phase + ", " : "")
					+ ((enforce != null) ? ENFORCE_LABEL + "=" + enforce : "no " + ENFORCE_LABEL + " label"));
		return observation.summary("Namespace " + name + " exists"
				+ ((enforce != null) ? " and enforces Pod Security level " + enforce : "; it has no " + ENFORCE_LABEL
						+ " label, so the cluster's default level applies, which the API does not show"));
	}

}
