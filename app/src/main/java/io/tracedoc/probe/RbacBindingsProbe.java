package io.tracedoc.probe;

import java.util.List;
import java.util.TreeSet;

import io.tracedoc.probe.ProbePrecedence.Basis;
import io.tracedoc.probe.Rbac.Grant;
import io.tracedoc.probe.Rbac.Identity;

/**
 * Which RoleBindings and ClusterRoleBindings name the service account, and in which
 * namespaces: explains "bound in another namespace", and gives the fix the namespace to
 * run the jobs in ({@code bound-namespace}: the account's own when a binding there names
 * it, else the first that does). Only bindings made for the account count as bound
 * (naming it, or its namespace's service accounts); those of groups every authenticated
 * user or service account is in, like the discovery roles of every cluster's bootstrap
 * policy, are listed under {@code roles} and nothing more. Its answer is context: it says
 * where the account is bound, not what it may do, so it never decides a finding on its
 * own ({@link ProbePrecedence}).
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
		int everyone = 0;
		Observation.Builder observation = new Observation.Builder().basis(Basis.CONTEXT);
		for (Grant grant : grants) {
			observation.evidence(grant.describe());
			if (!grant.particular()) {
				everyone++;
			}
			else if (grant.namespace() == null) {
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
		boolean bound = clusterWide || !namespaces.isEmpty();
		return observation.summary(identity.user()
				+ (bound ? " is bound " + where : " has no RoleBinding or ClusterRoleBinding of its own")
				+ ((everyone > 0) ? " (and " + everyone
						+ " binding(s) of groups every authenticated user or service account is in, which say nothing about it)"
						: "")
				+ "; " + (boundThere ? "that covers " : "none in ") + namespace);
	}

}
