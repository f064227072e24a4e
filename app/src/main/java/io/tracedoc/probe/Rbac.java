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

	/** The groups the API server puts whole classes of identities in. */
	static final List<String> EVERYONE_GROUPS = List.of("system:authenticated", "system:unauthenticated",
			"system:serviceaccounts");

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

		/**
		 * @param subject a subject that names this identity
		 * @return whether it was made for this identity: the account or user itself, or
		 * the group of its namespace's service accounts; not a group that every
		 * authenticated user, every service account or everyone unauthenticated is in
		 * (the bootstrap policy of every cluster binds those to discovery roles)
		 */
		static boolean isParticular(Subject subject) {
			return !"Group".equals(subject.getKind()) || !EVERYONE_GROUPS.contains(subject.getName());
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

		/**
		 * As the RBAC authorizer matches a rule: the verb and the group exactly or by
		 * {@code *}; the resource as {@code *}, exactly with its subresource
		 * ({@code pods/exec}; {@code pods} alone grants no subresource), or
		 * {@code *}/subresource. A rule with resourceNames grants only requests for those
		 * names, and these requests name none (a create, a list, a refusal whose name the
		 * log does not keep).
		 * @param rule a rule of a role
		 * @return whether the rule grants this request
		 */
		boolean grantedBy(PolicyRule rule) {
			return matches(rule.getVerbs(), this.verb) && matches(rule.getApiGroups(), this.group)
					&& resourceMatches(rule.getResources()) && rule.getResourceNames().isEmpty();
		}

		private boolean resourceMatches(List<String> resources) {
			int slash = this.resource.indexOf('/');
			String subresource = (slash < 0) ? null : this.resource.substring(slash + 1);
			return resources.stream()
				.anyMatch((allowed) -> allowed.equals("*") || allowed.equals(this.resource)
						|| (subresource != null && allowed.equals("*/" + subresource)));
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
	 * @param subject how it names the identity ({@code ServiceAccount cicd/default},
	 * {@code Group system:authenticated})
	 * @param particular whether it was made for this identity rather than for a whole
	 * class of identities ({@link Identity#isParticular(Subject)})
	 */
	record Grant(String namespace, String name, RoleRef role, String subject, boolean particular) {

		String describe() {
			return ((this.namespace != null) ? "RoleBinding " + this.namespace + "/" : "ClusterRoleBinding ")
					+ this.name + " grants " + this.role.getKind() + " " + this.role.getName()
					+ (this.particular ? "" : " to everyone in " + this.subject);
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
			grant(identity, binding.getSubjects(), bindingNamespace, binding.getMetadata().getName(),
					binding.getRoleRef())
				.ifPresent(grants::add);
		}
		grants.addAll(clusterGrants(cluster, identity));
		return grants;
	}

	/**
	 * @param cluster the cluster
	 * @param identity who
	 * @return the ClusterRoleBindings that name the identity
	 */
	static List<Grant> clusterGrants(ClusterView cluster, Identity identity) {
		List<Grant> grants = new ArrayList<>();
		for (ClusterRoleBinding binding : cluster.list(ClusterRoleBinding.class, null)) {
			grant(identity, binding.getSubjects(), null, binding.getMetadata().getName(), binding.getRoleRef())
				.ifPresent(grants::add);
		}
		return grants;
	}

	private static Optional<Grant> grant(Identity identity, List<Subject> subjects, String namespace, String name,
			RoleRef role) {
		List<Subject> naming = subjects.stream().filter((s) -> identity.isNamedBy(s, namespace)).toList();
		if (naming.isEmpty()) {
			return Optional.empty();
		}
		// a binding naming the account itself as well as a broad group is made for it
		Subject subject = naming.stream().filter(Identity::isParticular).findFirst().orElse(naming.get(0));
		String described = subject.getKind() + " "
				+ ((subject.getNamespace() != null) ? subject.getNamespace() + "/" : "") + subject.getName();
		return Optional.of(new Grant(namespace, name, role, described, Identity.isParticular(subject)));
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
