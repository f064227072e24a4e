package io.tracedoc.probe;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.Secret;

/**
 * Does the secret (usually an image pull secret) exist in the namespace, and of which
 * type? Its data is never read into tracedoc.
 */
final class SecretExistsProbe implements Probe {

	@Override
	public String id() {
		return "secret-exists";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String namespace = arguments.required("namespace", "the namespace of the secret");
		String name = arguments.required("secret", "the secret");
		Optional<Secret> secret = cluster.get(Secret.class, namespace, name);
		Observation.Builder observation = new Observation.Builder().put("exists", secret.isPresent());
		if (secret.isEmpty()) {
			return observation.evidence("Secret " + namespace + "/" + name + ": not found")
				.summary("Secret " + namespace + "/" + name + " does not exist");
		}
		String type = secret.get().getType();
		observation.put("type", type).evidence("Secret " + namespace + "/" + name + ": type " + type);
		return observation.summary("Secret " + namespace + "/" + name + " exists (type " + type + ")");
	}

}
