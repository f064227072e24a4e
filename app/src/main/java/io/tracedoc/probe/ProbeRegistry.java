package io.tracedoc.probe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every probe tracedoc implements, by id: one class per probe declared in
 * {@code patterns/schema/probes.yaml}.
 */
final class ProbeRegistry {

	private final Map<String, Probe> probes = new LinkedHashMap<>();

	ProbeRegistry(List<Probe> probes) {
		for (Probe probe : probes) {
			this.probes.put(probe.id(), probe);
		}
	}

	/**
	 * @param network where the reachability probe resolves and connects
	 * @param requestTimeout how long one of its connections may take
	 * @return the registry of every probe
	 */
	static ProbeRegistry standard(Network network, Duration requestTimeout) {
		return new ProbeRegistry(List.of(new RbacAccessReviewProbe(), new RbacBindingsProbe(),
				new NamespaceExistsProbe(), new ServiceAccountExistsProbe(), new SecretExistsProbe(),
				new BuildPodStatusProbe(), new PodEventsProbe(), new NodeSchedulingProbe(), new ResourceQuotaProbe(),
				new PvcStatusProbe(), new HelperImageProbe(), new RunnerConfigProbe(), new NetworkPoliciesProbe(),
				new GitlabReachabilityProbe(network, requestTimeout), new AdmissionWebhooksProbe()));
	}

	Optional<Probe> find(String id) {
		return Optional.ofNullable(this.probes.get(id));
	}

	/**
	 * @param declared the probe ids patterns may name
	 * @throws IllegalStateException when one has no implementation
	 */
	void checkImplements(Set<String> declared) {
		Set<String> missing = new TreeSet<>(declared);
		missing.removeAll(this.probes.keySet());
		if (!missing.isEmpty()) {
			throw new IllegalStateException("patterns/schema/probes.yaml declares probes tracedoc does not implement: "
					+ String.join(", ", missing));
		}
	}

}
