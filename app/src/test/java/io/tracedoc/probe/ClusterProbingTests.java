package io.tracedoc.probe;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClusterProbing}: the probe phase of the seed's "secrets is forbidden"
 * job against a mock API server that answers, refuses, is slow, or is not there.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterProbingTests {

	private static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	private static final String LOG = "Running with gitlab-runner 13.12.0 (7a6612da)\n"
			+ "  on gitlab-runner-gitlab-runner-568954c478-cgd2z gVQMabxj\n"
			+ "ERROR: Job failed (system failure): prepare environment: secrets is forbidden: User \"system:serviceaccount:cicd:default\" "
			+ "cannot create resource \"secrets\" in API group \"\" in the namespace \"cicd\"\n";

	private static final Diagnosis DIAGNOSIS = new DiagnosisEngine(CATALOG)
		.diagnose(LOG.getBytes(StandardCharsets.UTF_8));

	KubernetesMockServer server;

	KubernetesClient client;

	@TempDir
	Path temp;

	@Test
	void confirmsTheFindingAndRendersTheFixWithWhatTheClusterShows() {
		MockCluster cluster = new MockCluster(this.server, this.client).accessReviews(false, "");
		cluster.create(binding("elsewhere", "default", "cicd"));
		Diagnosis probed = probing(cluster, Duration.ofSeconds(30)).confirm(DIAGNOSIS, api());
		Finding top = probed.top();
		assertThat(top.pattern()).isEqualTo("k8s-rbac-forbidden");
		assertThat(top.probes()).extracting(ProbeCheck::status).containsOnly(ProbeStatus.CONFIRMED);
		assertThat(top.confidence().signals()).anySatisfy((signal) -> {
			assertThat(signal.name()).isEqualTo("probe-confirmed");
			assertThat(signal.weight()).isEqualTo(0.20);
		});
		assertThat(top.fix()).anySatisfy((fix) -> assertThat(fix.content())
			.contains("bindings of default today: RoleBinding elsewhere/runner grants Role gitlab-runner"));
		assertThat(probed.timings().probeMillis()).isPositive();
	}

	@Test
	void confirmsTheSeedRefusalThatOnlyTheBootstrapBindingsOfEveryClusterNameTheAccountIn() {
		// issue 13: on a real API server this came back RULED_OUT, "bound cluster-wide",
		// from the discovery roles bound to system:authenticated
		MockCluster cluster = new MockCluster(this.server, this.client).accessReviews(false, "");
		Diagnosis probed = probing(cluster, Duration.ofSeconds(30)).confirm(DIAGNOSIS, api());
		assertThat(probed.ruledOut()).extracting((ruled) -> ruled.pattern()).doesNotContain("k8s-rbac-forbidden");
		Finding top = probed.top();
		assertThat(top.pattern()).isEqualTo("k8s-rbac-forbidden");
		assertThat(top.probes()).extracting(ProbeCheck::status).containsOnly(ProbeStatus.CONFIRMED);
		assertThat(top.probes().get(0).reason()).isEqualTo(
				"The API server says system:serviceaccount:cicd:default may not create secrets in namespace cicd");
		assertThat(top.probes().get(1).observed()).containsEntry("bound-in-namespace", false);
	}

	@Test
	void confirmsTheSeedRefusalFromTheBindingsWhenTracedocMayNotAskTheApiServer() {
		MockCluster cluster = new MockCluster(this.server, this.client);
		forbid("post", "/apis/authorization.k8s.io/v1/subjectaccessreviews");
		Finding top = probing(cluster, Duration.ofSeconds(30)).confirm(DIAGNOSIS, api()).top();
		assertThat(top.pattern()).isEqualTo("k8s-rbac-forbidden");
		assertThat(top.probes()).extracting(ProbeCheck::status).containsOnly(ProbeStatus.CONFIRMED);
		assertThat(top.probes()).extracting(ProbeCheck::basis).containsExactly("rbac-rules", "context");
		assertThat(top.probes().get(0).reason()).contains("may not create secrets in namespace cicd",
				"ClusterRoleBinding system:basic-user grants ClusterRole system:basic-user to everyone in Group system:authenticated");
	}

	@Test
	void letsTheAccessReviewOverruleABindingInTheJobNamespaceThatDoesNotGrantTheVerb() {
		// bound in the job namespace, yet still refused: the Role misses the verb
		MockCluster cluster = new MockCluster(this.server, this.client).accessReviews(false, "");
		cluster.create(binding("cicd", "default", "cicd"));
		Finding top = probing(cluster, Duration.ofSeconds(30)).confirm(DIAGNOSIS, api()).top();
		assertThat(top.pattern()).isEqualTo("k8s-rbac-forbidden");
		assertThat(top.probes()).extracting(ProbeCheck::status)
			.containsExactly(ProbeStatus.CONFIRMED, ProbeStatus.RULED_OUT);
		assertThat(top.probes()).extracting(ProbeCheck::basis).containsExactly("access-review", "context");
		assertThat(top.probes()).extracting(ProbeCheck::overruledBy).containsExactly(null, "rbac-access-review");
		assertThat(top.confidence().signals()).extracting((signal) -> signal.name())
			.contains("probe-confirmed")
			.doesNotContain("probe-ruled-out");
	}

	@Test
	void movesAFindingTheClusterContradictsToRuledOut() {
		MockCluster cluster = new MockCluster(this.server, this.client).accessReviews(true,
				"RBAC: allowed by RoleBinding \"runner/cicd\"");
		cluster.create(binding("cicd", "default", "cicd"));
		Diagnosis probed = probing(cluster, Duration.ofSeconds(30)).confirm(DIAGNOSIS, api());
		assertThat(probed.findings()).extracting(Finding::pattern).doesNotContain("k8s-rbac-forbidden");
		assertThat(probed.category().id()).isEqualTo("unknown");
		assertThat(probed.ruledOut()).anySatisfy((ruledOut) -> {
			assertThat(ruledOut.pattern()).isEqualTo("k8s-rbac-forbidden");
			assertThat(ruledOut.reason()).startsWith("the cluster contradicts it: The API server says")
				.contains("allowed is true, not false");
			assertThat(ruledOut.probes()).hasSize(2);
		});
	}

	@Test
	void asksEachDistinctCheckOnceAcrossFindings() throws InterruptedException {
		Finding finding = DIAGNOSIS.top();
		Finding twin = new Finding("k8s-rbac-forbidden-twin", finding.category(), finding.title(), finding.summary(),
				finding.severity(), finding.maturity(), finding.confidence(), finding.evidence(), finding.captures(),
				finding.fix(), finding.probes(), finding.description(), finding.remediation(), finding.references());
		Diagnosis twice = DIAGNOSIS.withProbeResults(List.of(finding, twin), List.of(), 0);
		MockCluster cluster = new MockCluster(this.server, this.client).accessReviews(false, "").forgetRequests();
		Diagnosis probed = probing(cluster, Duration.ofSeconds(30)).confirm(twice, api());
		assertThat(probed.findings()).hasSize(2)
			.allSatisfy(
					(f) -> assertThat(f.probes()).extracting(ProbeCheck::status).containsOnly(ProbeStatus.CONFIRMED));
		assertThat(cluster.requests()).filteredOn((request) -> request.contains("subjectaccessreviews")).hasSize(1);
	}

	@Test
	void saysWhichPermissionTracedocLacksWhenTheApiServerRefusesIt() {
		MockCluster cluster = new MockCluster(this.server, this.client);
		forbid("post", "/apis/authorization.k8s.io/v1/subjectaccessreviews");
		forbid("get", "/apis/rbac.authorization.k8s.io/v1/rolebindings");
		forbid("get", "/apis/rbac.authorization.k8s.io/v1/namespaces/cicd/rolebindings");
		Finding top = probing(cluster, Duration.ofSeconds(30)).confirm(DIAGNOSIS, api()).top();
		assertThat(top.pattern()).isEqualTo("k8s-rbac-forbidden");
		assertThat(top.probes()).allSatisfy((check) -> {
			assertThat(check.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
			assertThat(check.reason()).contains("(403 Forbidden)", "docker/kubernetes/tracedoc-probes-rbac.yaml");
		});
		assertThat(top.probes().get(0).reason()).startsWith(
				"tracedoc may not create SubjectAccessReviews, and its bindings read cannot tell: tracedoc may not list rolebindings in namespace cicd");
		assertThat(top.probes().get(1).reason()).startsWith("tracedoc may not list rolebindings in all namespaces");
	}

	@Test
	void answersWithinTheBudgetWhenTheApiServerIsSlow() {
		MockCluster cluster = new MockCluster(this.server, this.client);
		this.server.expect()
			.post()
			.delay(20, TimeUnit.SECONDS)
			.withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
			.andReturn(201, "{}")
			.always();
		this.server.expect()
			.get()
			.delay(20, TimeUnit.SECONDS)
			.withPath("/apis/rbac.authorization.k8s.io/v1/rolebindings")
			.andReturn(200, "{}")
			.always();
		long started = System.nanoTime();
		Diagnosis probed = probing(cluster, Duration.ofMillis(300)).confirm(DIAGNOSIS, api());
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(millis).as("the phase gives up at its budget, not when the API server answers").isLessThan(10_000);
		assertThat(probed.top().probes()).allSatisfy((check) -> {
			assertThat(check.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
			assertThat(check.reason()).isEqualTo("the cluster gave no answer within the probe budget of 300 ms");
		});
		assertThat(probed.timings().probeMillis()).isGreaterThanOrEqualTo(300);
	}

	@Test
	void givesUpOnARequestAtTheRequestTimeout() {
		new MockCluster(this.server, this.client);
		this.server.expect()
			.post()
			.delay(20, TimeUnit.SECONDS)
			.withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
			.andReturn(201, "{}")
			.always();
		ClusterTarget target = new ClusterTarget("mock", TestKubeconfig.write(this.temp, this.server.url("/"), "mock"),
				null, false);
		try (ClusterProbing probing = ClusterProbing.of(target, CATALOG, Duration.ofSeconds(30),
				Duration.ofMillis(300))) {
			ProbeCheck review = probing.confirm(DIAGNOSIS, api()).top().probes().get(0);
			assertThat(review.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
			assertThat(review.reason())
				.startsWith("the API server did not answer when tracedoc tried to create subjectaccessreviews");
		}
	}

	@Test
	void saysTheApiServerIsDownWithoutFailingTheDiagnosis() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ClusterTarget target = new ClusterTarget("down",
				TestKubeconfig.write(this.temp, "https://127.0.0.1:" + closedPort, "down"), null, false);
		try (ClusterProbing probing = ClusterProbing.of(target, CATALOG, Duration.ofSeconds(30),
				Duration.ofSeconds(2))) {
			Diagnosis probed = probing.confirm(DIAGNOSIS, api());
			assertThat(probed.category().id()).isEqualTo("k8s-rbac-forbidden");
			assertThat(probed.top().probes()).allSatisfy((check) -> {
				assertThat(check.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
				assertThat(check.reason()).startsWith("the API server did not answer when tracedoc tried to");
			});
		}
	}

	@Test
	void connectsToNoClusterWhenNoFindingHasACheck() {
		Diagnosis succeeded = new DiagnosisEngine(CATALOG).diagnose("$ make\nJob succeeded\n".getBytes());
		ClusterProbing probing = new ClusterProbing(ClusterRoutes.only(new ClusterTarget("x", null, null, true)),
				ProbeRegistry.standard(new TestNetwork(), Duration.ofSeconds(1)), CATALOG, Duration.ofSeconds(1),
				(target) -> {
					throw new AssertionError("connected");
				});
		assertThat(probing.confirm(succeeded, api())).isSameAs(succeeded);
	}

	@Test
	void saysWhyWhenTheRunnerMapsToNoCluster() {
		ClusterRoutes routes = new ClusterRoutes(java.util.Map.of("prod", new ClusterTarget("prod", null, null, true)),
				null, List.of(new ClusterRoutes.Route(com.google.re2j.Pattern.compile("^prod-"), "prod")));
		ClusterProbing probing = new ClusterProbing(routes,
				ProbeRegistry.standard(new TestNetwork(), Duration.ofSeconds(1)), CATALOG, Duration.ofSeconds(1),
				(target) -> this.client);
		assertThat(probing.confirm(DIAGNOSIS, api()).top().probes()).allSatisfy((check) -> {
			assertThat(check.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
			assertThat(check.reason()).isEqualTo("runner gitlab-runner-gitlab-runner-568954c478-cgd2z matches no route "
					+ "of tracedoc.probes.runners, and no tracedoc.probes.default-cluster is set");
		});
	}

	private ClusterProbing probing(MockCluster cluster, Duration budget) {
		return new ClusterProbing(ClusterRoutes.only(new ClusterTarget("mock", null, null, true)),
				ProbeRegistry.standard(new TestNetwork(), Duration.ofSeconds(1)), CATALOG, budget,
				(target) -> cluster.client());
	}

	private void forbid(String method, String path) {
		var status = new StatusBuilder().withCode(403).withReason("Forbidden").withMessage("forbidden").build();
		(method.equals("post") ? this.server.expect().post() : this.server.expect().get()).withPath(path)
			.andReturn(403, status)
			.always();
	}

	private static io.fabric8.kubernetes.api.model.rbac.RoleBinding binding(String namespace, String account,
			String accountNamespace) {
		return TestRbac.runnerBinding("runner", namespace, account, accountNamespace);
	}

	private static JobContext api() {
		return JobContext.of(JobContext.Source.API);
	}

}
