package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * Which NetworkPolicies restrict the egress of the pods in the job namespace: a policy
 * whose {@code policyTypes} include Egress allows only what its egress rules list.
 */
final class NetworkPoliciesProbe implements Probe {

	@Override
	public String id() {
		return "network-policies";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String namespace = arguments.required("namespace", "the job namespace");
		List<NetworkPolicy> policies = cluster.list(NetworkPolicy.class, namespace);
		List<String> restricting = new ArrayList<>();
		Observation.Builder observation = new Observation.Builder();
		for (NetworkPolicy policy : policies) {
			boolean egress = policy.getSpec().getPolicyTypes().contains("Egress")
					|| !policy.getSpec().getEgress().isEmpty();
			String name = policy.getMetadata().getName();
			if (egress) {
				restricting.add(name);
			}
			observation.evidence("NetworkPolicy " + namespace + "/" + name + ": types "
					+ policy.getSpec().getPolicyTypes() + ", pod selector "
					+ ((policy.getSpec().getPodSelector() != null
							&& policy.getSpec().getPodSelector().getMatchLabels() != null)
									? policy.getSpec().getPodSelector().getMatchLabels() : "{} (every pod)")
					+ (egress ? ", " + policy.getSpec().getEgress().size() + " egress rule(s)" : ""));
		}
		observation.put("egress-restricted", !restricting.isEmpty()).put("policies", restricting);
		return observation.summary(restricting.isEmpty()
				? "No NetworkPolicy restricts egress in " + namespace + " (" + policies.size() + " policies)"
				: "NetworkPolicies restrict egress in " + namespace + ": " + String.join(", ", restricting));
	}

}
