package io.tracedoc.probe;

import java.util.Map;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RbacAccessReviewProbe} and {@link RbacBindingsProbe}.
 */
@EnableKubernetesMockClient(crud = true)
class RbacProbesTests {

	private static final Map<String, String> SECRETS_IN_CICD = Map.of("user", "system:serviceaccount:cicd:default",
			"verb", "create", "resource", "secrets", "group", "", "namespace", "cicd");

	KubernetesMockServer server;

	KubernetesClient client;

	private MockCluster cluster;

	@BeforeEach
	void cluster() {
		this.cluster = new MockCluster(this.server, this.client);
	}

	@Test
	void readsTheRolesWhenTracedocMayNotCreateAccessReviews() {
		forbidAccessReviews();
		role("cicd", "runner", "create", "secrets");
		binding("cicd", "runner", "Role", "runner", "ServiceAccount", "default", "cicd");
		Observation observation = review(SECRETS_IN_CICD);
		assertThat(observation.observed()).containsEntry("allowed", true);
		assertThat(observation.observed().get("reason"))
			.isEqualTo("allowed by RoleBinding cicd/runner-default grants Role runner");
		assertThat(observation.summary())
			.startsWith("Read from RBAC objects (tracedoc may not create SubjectAccessReviews)");
	}

	@Test
	void findsNoGrantWhenTheBoundRoleLacksTheVerb() {
		forbidAccessReviews();
		role("cicd", "runner", "get", "secrets");
		binding("cicd", "runner", "Role", "runner", "ServiceAccount", "default", "cicd");
		Observation observation = review(SECRETS_IN_CICD);
		assertThat(observation.observed()).containsEntry("allowed", false);
		assertThat(observation.evidence()).containsExactly("RoleBinding cicd/runner-default grants Role runner");
	}

	@Test
	void countsABindingInAnotherNamespaceForNothingHere() {
		forbidAccessReviews();
		role("gitlab", "runner", "create", "secrets");
		binding("gitlab", "runner", "Role", "runner", "ServiceAccount", "default", "cicd");
		assertThat(review(SECRETS_IN_CICD).observed()).containsEntry("allowed", false);
	}

	@Test
	void asksForTheRunnerManagersOwnAccountWhenTheLogNamesNone() {
		this.cluster.accessReviews(false, "");
		this.cluster.runnerRelease("gitlab", "prod", "concurrent = 4\n",
				"[[runners]]\n  [runners.kubernetes]\n    namespace = \"ci\"\n", "prod-gitlab-runner");
		Observation observation = review(Map.of("verb", "get", "resource", "pods/log", "namespace", "ci"));
		assertThat(observation.observed()).containsEntry("user", "system:serviceaccount:gitlab:prod-gitlab-runner")
			.containsEntry("service-account", "prod-gitlab-runner")
			.containsEntry("service-account-namespace", "gitlab")
			.containsEntry("allowed", false);
	}

	@Test
	void namesEveryNamespaceTheAccountIsBoundInAndSuggestsItsOwn() {
		binding("gitlab", "runner", "Role", "runner", "ServiceAccount", "gitlab-runner", "gitlab");
		binding("build", "runner", "Role", "runner", "ServiceAccount", "gitlab-runner", "gitlab");
		binding("other", "runner", "Role", "runner", "ServiceAccount", "someone-else", "gitlab");
		Observation observation = bindings("gitlab", "gitlab-runner", "default");
		assertThat(observation.observed()).containsEntry("bound-in-namespace", false)
			.containsEntry("bound-namespaces", java.util.List.of("build", "gitlab"))
			.containsEntry("bound-namespace", "gitlab");
		assertThat(observation.summary())
			.isEqualTo("system:serviceaccount:gitlab:gitlab-runner is bound in build, gitlab; none in default");
	}

	@Test
	void countsAClusterRoleBindingAsBoundEverywhere() {
		this.cluster.create(new ClusterRoleBindingBuilder().withNewMetadata()
			.withName("runner-everywhere")
			.endMetadata()
			.withNewRoleRef()
			.withApiGroup("rbac.authorization.k8s.io")
			.withKind("ClusterRole")
			.withName("edit")
			.endRoleRef()
			.addNewSubject()
			.withKind("Group")
			.withName("system:serviceaccounts:gitlab")
			.endSubject()
			.build());
		assertThat(bindings("gitlab", "gitlab-runner", "default").observed()).containsEntry("bound-in-namespace", true)
			.containsEntry("roles", java.util.List.of("ClusterRoleBinding runner-everywhere grants ClusterRole edit"));
	}

	@Test
	void saysWhichArgumentTheLogDoesNotGive() {
		assertThatExceptionOfType(NotCheckable.class)
			.isThrownBy(() -> bindings("gitlab", "<service_account>", "default"))
			.withMessage("the log does not name the service account");
	}

	private Observation review(Map<String, String> arguments) {
		return new RbacAccessReviewProbe().observe(ProbeArguments.of(arguments), new FabricClusterView(this.client));
	}

	private Observation bindings(String accountNamespace, String account, String namespace) {
		return new RbacBindingsProbe().observe(ProbeArguments.of(Map.of("service_account_namespace", accountNamespace,
				"service_account", account, "namespace", namespace)), new FabricClusterView(this.client));
	}

	private void forbidAccessReviews() {
		this.server.expect()
			.post()
			.withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
			.andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build())
			.always();
	}

	private void role(String namespace, String name, String verb, String resource) {
		this.cluster.create(new RoleBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.addNewRule()
			.withApiGroups("")
			.withResources(resource)
			.withVerbs(verb)
			.endRule()
			.build());
	}

	private void binding(String namespace, String name, String roleKind, String role, String subjectKind,
			String subject, String subjectNamespace) {
		this.cluster.create(TestRbac.roleBinding(name + "-" + subject, namespace, roleKind, role, subjectKind, subject,
				subjectNamespace));
	}

}
