package io.tracedoc.probe;

import java.util.Map;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.tracedoc.probe.ProbePrecedence.Basis;
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
		assertThat(observation.evidence()).contains("RoleBinding cicd/runner-default grants Role runner");
		assertThat(observation.basis()).isEqualTo(Basis.RBAC_RULES);
	}

	@Test
	void findsNoGrantInTheBootstrapBindingsOfEveryAuthenticatedUser() {
		// the seed: nothing granted to cicd:default; every cluster binds discovery roles
		// to
		// system:authenticated, and none of them grants anything on secrets
		forbidAccessReviews();
		Observation observation = review(SECRETS_IN_CICD);
		assertThat(observation.observed()).containsEntry("allowed", false);
		assertThat(observation.evidence()).contains(
				"ClusterRoleBinding system:basic-user grants ClusterRole system:basic-user to everyone in Group system:authenticated",
				"ClusterRoleBinding system:discovery grants ClusterRole system:discovery to everyone in Group system:authenticated");
	}

	@Test
	void grantsASubresourceOnlyByItsOwnNameOrStarSlashIt() {
		forbidAccessReviews();
		Map<String, String> exec = new java.util.HashMap<>(SECRETS_IN_CICD);
		exec.put("resource", "pods/exec");
		binding("cicd", "runner", "Role", "runner", "ServiceAccount", "default", "cicd");
		// pods alone, and pods/* (which RBAC does not read as a wildcard), grant no
		// pods/exec
		roleWith("cicd", "runner", "create", "pods", "pods/*", "pods/attach");
		assertThat(review(exec).observed()).containsEntry("allowed", false);
		this.client.resource(roleOf("cicd", "runner", "create", "pods/exec")).update();
		assertThat(review(exec).observed()).containsEntry("allowed", true);
		this.client.resource(roleOf("cicd", "runner", "create", "*/exec")).update();
		assertThat(review(exec).observed()).containsEntry("allowed", true);
	}

	@Test
	void countsARuleWithResourceNamesForNoRequestWithoutAName() {
		forbidAccessReviews();
		binding("cicd", "runner", "Role", "runner", "ServiceAccount", "default", "cicd");
		Role named = roleOf("cicd", "runner", "create", "secrets");
		named.getRules().get(0).setResourceNames(java.util.List.of("runner-token"));
		this.cluster.create(named);
		assertThat(review(SECRETS_IN_CICD).observed()).containsEntry("allowed", false);
	}

	@Test
	void countsAGroupBindingOfTheAccountsNamespaceAndOfAllAccountsAsAGrant() {
		forbidAccessReviews();
		role("cicd", "runner", "create", "secrets");
		binding("cicd", "runner", "Role", "runner", "Group", "system:serviceaccounts", null);
		assertThat(review(SECRETS_IN_CICD).observed()).containsEntry("allowed", true);
	}

	@Test
	void cannotTellWhenABoundRoleCannotBeReadAndNothingElseGrants() {
		forbidAccessReviews();
		binding("cicd", "runner", "Role", "runner", "ServiceAccount", "default", "cicd");
		this.server.expect()
			.get()
			.withPath("/apis/rbac.authorization.k8s.io/v1/namespaces/cicd/roles/runner")
			.andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build())
			.always();
		assertThatExceptionOfType(NotCheckable.class).isThrownBy(() -> review(SECRETS_IN_CICD))
			.withMessageStartingWith(
					"tracedoc may not create SubjectAccessReviews, and its bindings read cannot tell: no binding it could read grants system:serviceaccount:cicd:default create secrets in namespace cicd, but it could not read Role runner (tracedoc may not get roles in namespace cicd (403 Forbidden)");
	}

	@Test
	void cannotTellFromBindingsThatAPlainUserIsRefused() {
		forbidAccessReviews();
		Map<String, String> jane = new java.util.HashMap<>(SECRETS_IN_CICD);
		jane.put("user", "jane");
		assertThatExceptionOfType(NotCheckable.class).isThrownBy(() -> review(jane))
			.withMessageContaining("the user may be in groups tracedoc cannot see");
	}

	@Test
	void readsNoRoleBindingsForAClusterScopedRequest() throws InterruptedException {
		forbidAccessReviews();
		this.cluster.forgetRequests();
		Observation observation = review(
				Map.of("user", "system:serviceaccount:cicd:default", "verb", "create", "resource", "namespaces"));
		assertThat(observation.observed()).containsEntry("allowed", false);
		assertThat(this.cluster.requests()).noneMatch((request) -> request.contains("/rolebindings"))
			.anyMatch((request) -> request.contains("/clusterrolebindings"));
	}

	@Test
	void restsAnAnswerOfTheApiServerOnItsAccessReview() {
		this.cluster.accessReviews(false, "");
		assertThat(review(SECRETS_IN_CICD).basis()).isEqualTo(Basis.ACCESS_REVIEW);
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
			.isEqualTo("system:serviceaccount:gitlab:gitlab-runner is bound in build, gitlab"
					+ " (and 4 binding(s) of groups every authenticated user or service account is in, which say nothing about it);"
					+ " none in default");
		assertThat(observation.basis()).isEqualTo(Basis.CONTEXT);
	}

	@Test
	void countsNoBootstrapBindingOfEveryAuthenticatedUserAsBound() {
		Observation observation = bindings("cicd", "default", "cicd");
		assertThat(observation.observed()).containsEntry("bound-in-namespace", false)
			.containsEntry("bound-namespaces", java.util.List.of());
		assertThat(observation.summary()).startsWith(
				"system:serviceaccount:cicd:default has no RoleBinding or ClusterRoleBinding of its own (and 4 binding(s)");
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
			.extractingByKey("roles")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("ClusterRoleBinding runner-everywhere grants ClusterRole edit",
					"ClusterRoleBinding system:discovery grants ClusterRole system:discovery to everyone in Group system:authenticated");
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
		this.cluster.create(roleOf(namespace, name, verb, resource));
	}

	private void roleWith(String namespace, String name, String verb, String... resources) {
		this.cluster.create(roleOf(namespace, name, verb, resources));
	}

	private static Role roleOf(String namespace, String name, String verb, String... resources) {
		return new RoleBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.addNewRule()
			.withApiGroups("")
			.withResources(resources)
			.withVerbs(verb)
			.endRule()
			.build();
	}

	private void binding(String namespace, String name, String roleKind, String role, String subjectKind,
			String subject, String subjectNamespace) {
		this.cluster.create(TestRbac.roleBinding(name + "-" + subject, namespace, roleKind, role, subjectKind, subject,
				subjectNamespace));
	}

}
