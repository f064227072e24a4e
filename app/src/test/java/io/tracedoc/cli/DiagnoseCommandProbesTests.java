package io.tracedoc.cli;

import java.nio.file.Path;

import io.tracedoc.probe.MockCluster;
import io.tracedoc.probe.TestKubeconfig;
import io.tracedoc.probe.TestRbac;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the probe options of {@code tracedoc diagnose}, against the fabric8 mock API
 * server: the seed job whose runner may not create secrets in {@code cicd}.
 */
@EnableKubernetesMockClient(crud = true)
class DiagnoseCommandProbesTests {

	private static final String SEED = "../grammar/src/test/resources/examples/seed-000-secrets-forbidden-ui-copy.log";

	KubernetesMockServer server;

	KubernetesClient client;

	@TempDir
	Path temp;

	@Test
	void checksTheFindingAgainstTheClusterOfTheKubeconfigAndPrintsTheResultsInTheJson() throws Exception {
		new MockCluster(this.server, this.client).accessReviews(false, null)
			.create(TestRbac.runnerBinding("runner", "gitlab", "default", "cicd"));
		CliRun run = CliRun.of("diagnose", "--json", "--kubeconfig", kubeconfig("mock"), "--context", "mock",
				"--probe-budget", "30s", SEED);
		assertThat(run.exitCode()).isZero();
		JsonNode probes = JsonMapper.builder().build().readTree(run.out()).get("findings").get(0).get("probes");
		assertThat(probes.get(0).get("probe").asString()).isEqualTo("rbac-access-review");
		assertThat(probes.get(0).get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(probes.get(1).get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(probes.get(1).get("observed").get("bound-namespaces").get(0).asString()).isEqualTo("gitlab");
		assertThat(probes.get(1).get("evidence").get(0).asString())
			.isEqualTo("RoleBinding gitlab/runner grants Role gitlab-runner");
	}

	@Test
	void printsWhatEachProbeReadForAPerson() throws Exception {
		new MockCluster(this.server, this.client).accessReviews(false, null);
		CliRun run = CliRun.of("diagnose", "--kubeconfig", kubeconfig("mock"), "--probe-budget", "30s", SEED);
		assertThat(run.out()).contains(
				"CONFIRMED rbac-access-review user=system:serviceaccount:cicd:default verb=create resource=secrets group= namespace=cicd: "
						+ "The API server says system:serviceaccount:cicd:default may not create secrets in namespace cicd",
				"      SubjectAccessReview: may system:serviceaccount:cicd:default create secrets in namespace cicd? denied",
				"+0.20 the cluster confirms it: The API server says");
	}

	@Test
	void asksNoClusterWithNoProbes() throws Exception {
		CliRun run = CliRun.of("diagnose", "--no-probes", "--kubeconfig", kubeconfig("mock"), SEED);
		assertThat(run.out()).contains("NOT_CHECKED rbac-access-review", "probes are off (--no-probes)");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void exitsWithTwoWhenTheKubeconfigOrContextCannotBeUsed() throws Exception {
		CliRun missing = CliRun.of("diagnose", "--kubeconfig", this.temp.resolve("none").toString(), SEED);
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("kubeconfig " + this.temp.resolve("none") + " is not a readable file");
		CliRun context = CliRun.of("diagnose", "--kubeconfig", kubeconfig("mock"), "--context", "prod", SEED);
		assertThat(context.exitCode()).isEqualTo(2);
		assertThat(context.err()).contains("has no context \"prod\" (it has: mock)");
	}

	@Test
	void refusesABudgetThatIsNoDuration() {
		CliRun run = CliRun.of("diagnose", "--probe-budget", "soon", SEED);
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("'soon' is no duration such as 500ms, 3s or 1m");
	}

	private String kubeconfig(String context) {
		return TestKubeconfig.write(this.temp, this.server.url("/"), context).toString();
	}

}
