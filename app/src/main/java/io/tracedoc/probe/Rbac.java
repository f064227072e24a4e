package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;

/**
 * Kubernetes RBAC, as far as the probes read it: who a user name is (a service account,
 * anonymous, a plain user, and the groups the API server gives them), which bindings name
 * them, and whether a role's rules grant a request.
 */
final class Rbac {

	private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

	private Rbac() {
	}

	/**
	 * Someone the API server authenticates.
	 *
	 * @param user the user name ({@code system:serviceaccount:ci:runner})
	 * @param groups the groups the API server adds for such a user
	 * @param serviceAccountNamespace the service account's namespace, or {@code null}
	 * @param serviceAccount the service account's name, or {@code null}
	 */
	record Identity(String user, List<String> groups, String serviceAccountNamespace, String serviceAccount) {

		static Identity of(String user) {
			if (user.startsWith(SERVICE_ACCOUNT_PREFIX)) {
				String[] parts = user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", 2);
				if (parts.length == 2) {
					return serviceAccount(parts[0], parts[1]);
				}
			}
			if (user.equals("system:anonymous")) {
				return new Identity(user, List.of("system:unauthenticated"), null, null);
			}
			return new Identity(user, List.of("system:authenticated"), null, null);
		}

		static Identity serviceAccount(String namespace, String name) {
			return new Identity(SERVICE_ACCOUNT_PREFIX + namespace + ":" + name,
					List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"),
					namespace, name);
		}

		/**
		 * @param subject a binding's subject
		 * @param bindingNamespace the binding's namespace (a service account subject
		 * without one means that namespace), {@code null} for a ClusterRoleBinding
		 * @return whether the subject names this identity, directly or by a group
		 */
		boolean isNamedBy(Subject subject, String bindingNamespace) {
			return switch (Objects.requireNonNullElse(subject.getKind(), "")) {
				case "ServiceAccount" -> this.serviceAccount != null && this.serviceAccount.equals(subject.getName())
						&& this.serviceAccountNamespace
							.equals(Objects.requireNonNullElse(subject.getNamespace(), bindingNamespace));
				case "User" -> this.user.equals(subject.getName());
				case "Group" -> this.groups.contains(subject.getName());
				default -> false;
			};
		}

	}

	/**
	 * A request to authorize.
	 *
	 * @param verb the verb
	 * @param group the API group ("" for the core group)
	 * @param resource the resource, with its subresource ({@code pods/exec})
	 * @param namespace the namespace, or {@code null} for a cluster-scoped request
	 */
	record Request(String verb, String group, String resource, String namespace) {

		boolean grantedBy(PolicyRule rule) {
			return matches(rule.getVerbs(), this.verb) && matches(rule.getApiGroups(), this.group)
					&& (matches(rule.getResources(), this.resource) || rule.getResources()
						.stream()
						.anyMatch((r) -> r.endsWith("/*") && this.resource.startsWith(r.substring(0, r.length() - 1))))
					&& rule.getResourceNames().isEmpty();
		}

		private static boolean matches(List<String> allowed, String value) {
			return allowed.contains("*") || allowed.contains(value);
		}

	}

	/**
	 * A binding that names an identity.
	 *
	 * @param namespace the RoleBinding's namespace, {@code null} for a ClusterRoleBinding
	 * @param name the binding's name
	 * @param role the role it grants
	 */
	record Grant(String namespace, String name, RoleRef role) {

		String describe() {
			return ((this.namespace != null) ? "RoleBinding " + this.namespace + "/" : "ClusterRoleBinding ")
					+ this.name + " grants " + this.role.getKind() + " " + this.role.getName();
		}

	}

	/**
	 * @param cluster the cluster
	 * @param identity who
	 * @param namespace the namespace whose RoleBindings count, {@code null} for every
	 * namespace
	 * @return the bindings that name the identity, ClusterRoleBindings last
	 */
	static List<Grant> grants(ClusterView cluster, Identity identity, String namespace) {
		List<Grant> grants = new ArrayList<>();
		for (RoleBinding binding : cluster.list(RoleBinding.class, namespace)) {
			String bindingNamespace = binding.getMetadata().getNamespace();
			if (binding.getSubjects().stream().anyMatch((s) -> identity.isNamedBy(s, bindingNamespace))) {
				grants.add(new Grant(bindingNamespace, binding.getMetadata().getName(), binding.getRoleRef()));
			}
		}
		for (ClusterRoleBinding binding : cluster.list(ClusterRoleBinding.class, null)) {
			if (binding.getSubjects().stream().anyMatch((s) -> identity.isNamedBy(s, null))) {
				grants.add(new Grant(null, binding.getMetadata().getName(), binding.getRoleRef()));
			}
		}
		return grants;
	}

	/**
	 * @param cluster the cluster
	 * @param grant a binding
	 * @param request what is asked
	 * @return whether the binding's role grants the request where the binding applies
	 */
	static boolean allows(ClusterView cluster, Grant grant, Request request) {
		if (grant.namespace() != null && !grant.namespace().equals(request.namespace())) {
			return false;
		}
		Optional<List<PolicyRule>> rules = "Role".equals(grant.role().getKind())
				? cluster.get(Role.class, grant.namespace(), grant.role().getName()).map(Role::getRules)
				: cluster.get(ClusterRole.class, null, grant.role().getName()).map(ClusterRole::getRules);
		return rules.orElse(List.of()).stream().anyMatch(request::grantedBy);
	}

}
