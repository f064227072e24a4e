package io.tracedoc.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.TraceFacts;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClusterRoutes} and {@link ClusterTarget#detect}: which cluster a job's
 * probes ask.
 */
class ClusterRoutesTests {

	private static final TraceFacts TRACE = new DiagnosisEngine(PatternLoader.loadBundled())
		.diagnose("Running with gitlab-runner 17.5.0 (abcdef12)\n  on prod-runner-7d9f Xy12Ab34\n".getBytes())
		.trace();

	@TempDir
	Path temp;

	@Test
	void sendsAJobToTheClusterItsRunnerMapsTo() throws Exception {
		ClusterRoutes routes = routes(List.of(route("^prod-", "prod"), route("^dev-", "dev")), "dev");
		assertThat(routes.select(job(null, null), TRACE).target().name()).as("the runner named in the log")
			.isEqualTo("prod");
		assertThat(routes.select(job("dev-runner-1", null), TRACE).target().name()).as("the job's context comes first")
			.isEqualTo("dev");
		assertThat(routes.select(job("other", "prod"), TRACE).target().name()).as("a cluster the caller names")
			.isEqualTo("prod");
	}

	@Test
	void fallsBackToTheDefaultClusterAndElseSaysWhy() throws Exception {
		assertThat(routes(List.of(route("^staging-", "prod")), "dev").select(job(null, null), TRACE).target().name())
			.isEqualTo("dev");
		ClusterRoutes.Selection none = routes(List.of(route("^staging-", "prod")), null).select(job(null, null), TRACE);
		assertThat(none.target()).isNull();
		assertThat(none.reason()).isEqualTo(
				"runner prod-runner-7d9f matches no route of tracedoc.probes.runners, and no tracedoc.probes.default-cluster is set");
		assertThat(routes(List.of(), null).select(job(null, "qa"), TRACE).reason())
			.isEqualTo("cluster \"qa\" is not configured under tracedoc.probes.clusters (dev, prod)");
	}

	@Test
	void findsTheClusterLikeKubectlWhenNoneIsConfigured() throws Exception {
		Path token = Files.writeString(this.temp.resolve("token"), "t");
		Path kubeconfig = TestKubeconfig.write(this.temp.resolve("kube"), "https://127.0.0.1:6443", "kind-ci");
		Map<String, String> inPod = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBECONFIG", kubeconfig.toString());
		assertThat(ClusterTarget.detect(inPod::get, this.temp, token)).get()
			.satisfies((target) -> assertThat(target.inCluster()).isTrue());
		Map<String, String> laptop = Map.of("KUBECONFIG", "/missing/config" + java.io.File.pathSeparator + kubeconfig);
		assertThat(ClusterTarget.detect(laptop::get, this.temp, this.temp.resolve("no-token"))).get()
			.satisfies((target) -> assertThat(target.kubeconfig()).isEqualTo(kubeconfig));
		Path home = this.temp.resolve("home");
		TestKubeconfig.write(home.resolve(".kube"), "https://127.0.0.1:6443", "config");
		Files.move(home.resolve(".kube/config.kubeconfig"), home.resolve(".kube/config"));
		assertThat(ClusterTarget.detect(Map.<String, String>of()::get, home, this.temp.resolve("no-token"))).get()
			.satisfies((target) -> assertThat(target.kubeconfig()).isEqualTo(home.resolve(".kube/config")));
		assertThat(ClusterTarget.detect(Map.<String, String>of()::get, this.temp.resolve("empty"),
				this.temp.resolve("no-token")))
			.isEmpty();
	}

	private ClusterRoutes routes(List<ProbeProperties.RunnerRoute> routes, String defaultCluster) {
		Path kubeconfig = TestKubeconfig.write(this.temp, "https://127.0.0.1:6443", "ctx");
		ProbeProperties properties = new ProbeProperties(true, Duration.ofSeconds(3), Duration.ofSeconds(2),
				Map.of("prod", new ProbeProperties.Cluster(kubeconfig, "ctx", false), "dev",
						new ProbeProperties.Cluster(kubeconfig, null, false)),
				defaultCluster, routes);
		return ClusterRoutes.of(properties, Map.<String, String>of()::get, this.temp);
	}

	private static ProbeProperties.RunnerRoute route(String match, String cluster) {
		return new ProbeProperties.RunnerRoute(match, cluster);
	}

	private static JobContext job(String runner, String cluster) {
		JobContext context = JobContext.of(JobContext.Source.WEBHOOK);
		return new JobContext(context.source(), context.receivedAt(), null, null, null, null, null, null, null, null,
				null, null, runner, cluster);
	}

}
