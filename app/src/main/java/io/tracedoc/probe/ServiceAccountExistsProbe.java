package io.tracedoc.probe;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;

/**
 * Does the service account exist in the namespace, which image pull secrets does it
 * carry, and which accounts does the namespace have instead (for the fix)?
 */
final class ServiceAccountExistsProbe implements Probe {

	@Override
	public String id() {
		return "service-account-exists";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String namespace = arguments.required("namespace", "the namespace of the service account");
		String name = arguments.required("service_account", "the service account");
		Optional<ServiceAccount> account = cluster.get(ServiceAccount.class, namespace, name);
		List<String> accounts = cluster.list(ServiceAccount.class, namespace)
			.stream()
			.map((other) -> other.getMetadata().getName())
			.sorted()
			.toList();
		Observation.Builder observation = new Observation.Builder().put("exists", account.isPresent())
			.put("accounts", accounts)
			.evidence("ServiceAccounts in " + namespace + ": "
					+ (accounts.isEmpty() ? "none" : String.join(", ", accounts)));
		if (account.isEmpty()) {
			return observation.summary("ServiceAccount " + namespace + "/" + name + " does not exist");
		}
		List<String> pullSecrets = (account.get().getImagePullSecrets() != null)
				? account.get().getImagePullSecrets().stream().map(LocalObjectReference::getName).toList() : List.of();
		observation.put("image-pull-secrets", pullSecrets)
			.evidence("ServiceAccount " + namespace + "/" + name + ": image pull secrets "
					+ (pullSecrets.isEmpty() ? "none" : String.join(", ", pullSecrets)));
		return observation.summary("ServiceAccount " + namespace + "/" + name + " exists");
	}

}
