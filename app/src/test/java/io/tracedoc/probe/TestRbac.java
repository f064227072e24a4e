package io.tracedoc.probe;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;

/**
 * RBAC objects the probe tests put into a cluster.
 */
public final class TestRbac {

	private TestRbac() {
	}

	/**
	 * @param name the binding's name
	 * @param namespace where the binding is
	 * @param roleKind {@code Role} or {@code ClusterRole}
	 * @param role the bound role's name
	 * @param subjectKind {@code ServiceAccount}, {@code User} or {@code Group}
	 * @param subject the subject's name
	 * @param subjectNamespace the service account's namespace
	 * @return a binding of the role to the subject
	 */
	public static RoleBinding roleBinding(String name, String namespace, String roleKind, String role,
			String subjectKind, String subject, String subjectNamespace) {
		return new RoleBindingBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewRoleRef()
			.withApiGroup("rbac.authorization.k8s.io")
			.withKind(roleKind)
			.withName(role)
			.endRoleRef()
			.addNewSubject()
			.withKind(subjectKind)
			.withName(subject)
			.withNamespace(subjectNamespace)
			.endSubject()
			.build();
	}

	/**
	 * @param name the binding's name
	 * @param namespace where the binding is
	 * @param account the runner's service account
	 * @param accountNamespace the service account's namespace
	 * @return a binding of the Role {@code gitlab-runner} to the service account
	 */
	public static RoleBinding runnerBinding(String name, String namespace, String account, String accountNamespace) {
		return roleBinding(name, namespace, "Role", "gitlab-runner", "ServiceAccount", account, accountNamespace);
	}

}
