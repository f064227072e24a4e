package io.tracedoc.probe;

import java.nio.file.Path;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.Probing;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProbeConfiguration}: which probe phase the service gets, and that a
 * bad cluster configuration stops the start-up with the property at fault.
 */
class ProbeConfigurationTests {

	private static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	@TempDir
	Path home;

	private ApplicationContextRunner runner() {
		// no pod, no KUBECONFIG, an empty home: what the machine running the tests has
		// does not count
		return new ApplicationContextRunner().withUserConfiguration(Properties.class, ProbeConfiguration.class)
			.withBean(PatternCatalog.class, () -> CATALOG)
			.withPropertyValues("user.home=" + this.home, "KUBECONFIG=", "KUBERNETES_SERVICE_HOST=");
	}

	@Test
	void saysNoClusterIsConfiguredWhenNoneIsFound() {
		runner().run((context) -> assertThat(reasonOf(context.getBean(Probing.class)))
			.startsWith("no Kubernetes cluster is configured for probes"));
	}

	@Test
	void saysProbesAreOffWhenTurnedOff() {
		runner().withPropertyValues("tracedoc.probes.enabled=false")
			.run((context) -> assertThat(reasonOf(context.getBean(Probing.class)))
				.isEqualTo("probes are turned off (tracedoc.probes.enabled=false)"));
	}

	@Test
	void usesTheKubeconfigOfTheEnvironmentWhenNoClusterIsConfigured() {
		Path kubeconfig = TestKubeconfig.write(this.home.resolve("elsewhere"), "https://127.0.0.1:6443", "kind-ci");
		runner().withPropertyValues("KUBECONFIG=" + kubeconfig)
			.run((context) -> assertThat(context.getBean(Probing.class)).isInstanceOf(ClusterProbing.class));
	}

	@Test
	void usesTheConfiguredClusters() {
		Path kubeconfig = TestKubeconfig.write(this.home, "https://127.0.0.1:6443", "prod");
		runner()
			.withPropertyValues("tracedoc.probes.clusters.prod.kubeconfig=" + kubeconfig,
					"tracedoc.probes.clusters.prod.context=prod", "tracedoc.probes.runners[0].match=^prod-",
					"tracedoc.probes.runners[0].cluster=prod")
			.run((context) -> assertThat(context.getBean(Probing.class)).isInstanceOf(ClusterProbing.class));
	}

	@Test
	void stopsTheStartUpOnAnUnreadableKubeconfig() {
		assertStartUpFails(runner().withPropertyValues("tracedoc.probes.clusters.prod.kubeconfig=/nowhere/kubeconfig"),
				"tracedoc.probes.clusters.prod: kubeconfig /nowhere/kubeconfig is not a readable file");
	}

	@Test
	void stopsTheStartUpOnAContextTheKubeconfigLacks() {
		Path kubeconfig = TestKubeconfig.write(this.home, "https://127.0.0.1:6443", "prod");
		assertStartUpFails(
				runner().withPropertyValues("tracedoc.probes.clusters.prod.kubeconfig=" + kubeconfig,
						"tracedoc.probes.clusters.prod.context=staging"),
				"tracedoc.probes.clusters.prod: kubeconfig " + kubeconfig
						+ " has no context \"staging\" (it has: prod)");
	}

	@Test
	void stopsTheStartUpOnARouteToAnUnknownCluster() {
		Path kubeconfig = TestKubeconfig.write(this.home, "https://127.0.0.1:6443", "prod");
		assertStartUpFails(
				runner().withPropertyValues("tracedoc.probes.clusters.prod.kubeconfig=" + kubeconfig,
						"tracedoc.probes.runners[0].match=^staging-", "tracedoc.probes.runners[0].cluster=staging"),
				"tracedoc.probes.runners[0].cluster: \"staging\" is not configured under tracedoc.probes.clusters (prod)");
	}

	@Test
	void stopsTheStartUpOnAnUnknownDefaultClusterAndABadRoute() {
		Path kubeconfig = TestKubeconfig.write(this.home, "https://127.0.0.1:6443", "prod");
		assertStartUpFails(
				runner().withPropertyValues("tracedoc.probes.clusters.prod.kubeconfig=" + kubeconfig,
						"tracedoc.probes.default-cluster=dev"),
				"tracedoc.probes.default-cluster: \"dev\" is not configured");
		assertStartUpFails(
				runner().withPropertyValues("tracedoc.probes.clusters.prod.kubeconfig=" + kubeconfig,
						"tracedoc.probes.runners[0].match=(", "tracedoc.probes.runners[0].cluster=prod"),
				"tracedoc.probes.runners[0].match: not an RE2 regex");
	}

	private static void assertStartUpFails(ApplicationContextRunner runner, String message) {
		runner.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining(message));
	}

	/** The reason a phase that checks nothing gives, read from a diagnosis it probed. */
	private static String reasonOf(Probing probing) {
		var diagnosis = new DiagnosisEngine(CATALOG)
			.diagnose(("ERROR: Job failed (system failure): prepare environment: "
					+ "secrets is forbidden: User \"system:serviceaccount:ci:default\" cannot create resource \"secrets\" "
					+ "in API group \"\" in the namespace \"ci\"\n")
				.getBytes());
		return probing.confirm(diagnosis, JobContext.of(JobContext.Source.API)).top().probes().get(0).reason();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ProbeProperties.class)
	static class Properties {

	}

}
