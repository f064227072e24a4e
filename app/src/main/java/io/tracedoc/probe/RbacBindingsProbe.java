package io.tracedoc.probe;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import io.tracedoc.probe.Rbac.Grant;
import io.tracedoc.probe.Rbac.Identity;

/**
 * Which RoleBindings and ClusterRoleBindings name the service account, and in which
 * namespaces: explains "bound in another namespace", and gives the fix the namespace to
 * run the jobs in ({@code bound-namespace}: the account's own when a binding there names
 * it, else the first that does).
 */
final class RbacBindingsProbe implements Probe {

	@Override
	public String id() {
		return "rbac-bindings";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String accountNamespace = arguments.required("service_account_namespace", "the service account's namespace");
		String account = arguments.required("service_account", "the service account");
		String namespace = arguments.required("namespace", "the namespace the jobs run in");
		Identity identity = Identity.serviceAccount(accountNamespace, account);
		List<Grant> grants = Rbac.grants(cluster, identity, null);
		TreeSet<String> namespaces = new TreeSet<>();
		boolean clusterWide = false;
		Observation.Builder observation = new Observation.Builder();
		for (Grant grant : grants) {
			observation.evidence(grant.describe());
			if (grant.namespace() == null) {
				clusterWide = true;
			}
			else {
				namespaces.add(grant.namespace());
			}
		}
		boolean boundThere = clusterWide || namespaces.contains(namespace);
		String suggested = namespaces.contains(accountNamespace) ? accountNamespace
				: namespaces.isEmpty() ? null : namespaces.first();
		observation.put("bound-in-namespace", boundThere)
			.put("bound-namespaces", List.copyOf(namespaces))
			.put("bound-namespace", suggested)
			.put("roles", grants.stream().map(Grant::describe).toList());
		String where = (clusterWide ? "cluster-wide" : "") + ((clusterWide && !namespaces.isEmpty()) ? " and " : "")
				+ (namespaces.isEmpty() ? "" : "in " + String.join(", ", namespaces));
		return observation.summary(identity.user()
				+ (grants.isEmpty() ? " has no RoleBinding or ClusterRoleBinding"
						: " is bound " + Objects.requireNonNullElse(where, ""))
				+ "; " + (boundThere ? "that covers " : "none in ") + namespace);
	}

}
