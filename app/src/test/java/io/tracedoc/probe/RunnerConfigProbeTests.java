package io.tracedoc.probe;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RunnerConfigProbe} and {@link HelperImageProbe}: the gitlab-runner
 * Helm release's config.toml as the chart renders it.
 */
@EnableKubernetesMockClient(crud = true)
class RunnerConfigProbeTests {

	private static final String TEMPLATE = """
			[[runners]]
			  tls-ca-file = "/home/gitlab-runner/.gitlab-runner/certs/gitlab.example.com.crt"
			  [runners.kubernetes]
			    namespace = "ci"
			    privileged = false
			    bearer_token = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2VuLXZhbHVl.c2lnbmF0dXJl"
			    helper_image = "registry.example.com/gitlab-runner-helper:arm64-v17.5.0"
			    [[runners.kubernetes.host_aliases]]
			      ip = "10.0.0.5"
			      hostnames = ["gitlab.example.com"]
			""";

	KubernetesMockServer server;

	KubernetesClient client;

	private MockCluster cluster;

	@BeforeEach
	void cluster() {
		this.cluster = new MockCluster(this.server, this.client);
	}

	@Test
	void readsASettingFromTheRunnersKubernetesTableOfTheReleaseThatServesTheNamespace() {
		release("gitlab-runner", "ci-runner", TEMPLATE);
		release("other", "web-runner", "[[runners]]\n  [runners.kubernetes]\n    namespace = \"web\"\n");
		Observation observation = setting("host_aliases", "ci");
		assertThat(observation.observed()).containsEntry("present", true)
			.containsEntry("release", "gitlab-runner/ci-runner-gitlab-runner");
		assertThat((String) observation.observed().get("value")).contains("10.0.0.5", "gitlab.example.com");
		assertThat(setting("tls-ca-file", "ci").observed()).containsEntry("present", true);
		assertThat(setting("dns_config", "ci").observed()).containsEntry("present", false);
	}

	@Test
	void countsASettingThatIsFalseAsNotPresent() {
		release("gitlab-runner", "ci-runner", TEMPLATE);
		Observation observation = setting("privileged", "ci");
		assertThat(observation.observed()).containsEntry("present", false).containsEntry("value", "false");
		assertThat(observation.summary()).endsWith("does not set privileged (it is false)");
	}

	@Test
	void neverShowsTheValueOfACredential() {
		release("gitlab-runner", "ci-runner", TEMPLATE);
		Observation observation = setting("bearer_token", "ci");
		assertThat(observation.observed()).containsEntry("present", true).containsEntry("value", "[REDACTED]");
		assertThat(String.join("\n", observation.evidence()) + observation.summary()).doesNotContain("eyJhbGci");
	}

	@Test
	void readsTheGlobalSectionsOfConfigToml() {
		this.cluster.runnerRelease("gitlab-runner", "ci", """
				concurrent = 4
				[session_server]
				  listen_address = "0.0.0.0:8093"
				""", TEMPLATE, "ci-gitlab-runner");
		assertThat(setting("session_server.listen_address", "ci").observed()).containsEntry("present", true)
			.containsEntry("value", "0.0.0.0:8093");
	}

	@Test
	void saysSoWhenTheReleasesThatMayRunTheJobDisagree() {
		release("a", "one", "[[runners]]\n  [runners.kubernetes]\n    privileged = true\n");
		release("b", "two", "[[runners]]\n  [runners.kubernetes]\n    privileged = false\n");
		assertThatExceptionOfType(NotCheckable.class).isThrownBy(() -> setting("privileged", null))
			.withMessage("the gitlab-runner releases that may run this job disagree on privileged: "
					+ "a/one-gitlab-runner, b/two-gitlab-runner");
	}

	@Test
	void saysWhichFileIsNotToml() {
		release("gitlab-runner", "ci-runner", "[[runners]\n  broken = \n");
		assertThatExceptionOfType(NotCheckable.class).isThrownBy(() -> setting("privileged", null))
			.withMessageStartingWith(
					"config.template.toml of ConfigMap gitlab-runner/ci-runner-gitlab-runner is not valid TOML");
	}

	@Test
	void saysThereIsNoReleaseWhenTheClusterHasNone() {
		assertThatExceptionOfType(NotCheckable.class).isThrownBy(() -> setting("privileged", "ci"))
			.withMessageStartingWith("no gitlab-runner Helm release was found");
	}

	@Test
	void comparesTheHelperImagesArchitectureWithTheNodes() {
		release("gitlab-runner", "ci-runner", TEMPLATE);
		for (String node : List.of("node-a", "node-b")) {
			this.cluster.create(new NodeBuilder().withNewMetadata()
				.withName(node)
				.endMetadata()
				.withNewStatus()
				.withNewNodeInfo()
				.withArchitecture("amd64")
				.endNodeInfo()
				.endStatus()
				.build());
		}
		Observation configured = new HelperImageProbe().observe(ProbeArguments.of(Map.of("namespace", "ci")),
				new FabricClusterView(this.client));
		assertThat(configured.observed())
			.containsEntry("configured-helper-image", "registry.example.com/gitlab-runner-helper:arm64-v17.5.0")
			.containsEntry("image-architecture", "arm64")
			.containsEntry("node-architectures", List.of("amd64"))
			.containsEntry("architecture-mismatch", true);
		Observation fromLog = new HelperImageProbe().observe(
				ProbeArguments.of(Map.of("namespace", "ci", "image",
						"registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-7178588d")),
				new FabricClusterView(this.client));
		assertThat(fromLog.observed()).containsEntry("image-architecture", "amd64")
			.containsEntry("architecture-mismatch", false);
	}

	@Test
	void observesNoArchitectureMismatchWithoutANodeToCompare() {
		// a bare API server, or nodes tracedoc cannot see: no mismatch, and no match
		// either
		Observation observation = new HelperImageProbe().observe(
				ProbeArguments.of(Map.of("image",
						"registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-7178588d")),
				new FabricClusterView(this.client));
		assertThat(observation.observed()).containsEntry("image-architecture", "amd64")
			.doesNotContainKey("architecture-mismatch");
		assertThat(observation.summary()).endsWith("is built for amd64; there is no node to compare it with");
		this.cluster.create(new NodeBuilder().withNewMetadata().withName("node-a").endMetadata().build());
		assertThat(new HelperImageProbe()
			.observe(ProbeArguments.of(Map.of("image", "gitlab/gitlab-runner-helper:x86_64-v17.5.0")),
					new FabricClusterView(this.client))
			.observed()).doesNotContainKey("architecture-mismatch");
	}

	@Test
	void readsTheArchitectureFromTheHelperImagesTagOnly() {
		assertThat(HelperImageProbe.architecture("gitlab/gitlab-runner-helper:x86_64-v16.5.0")).contains("amd64");
		assertThat(HelperImageProbe.architecture("registry:5000/gitlab-runner-helper:ubuntu-arm64-v17.0.0"))
			.contains("arm64");
		assertThat(HelperImageProbe.architecture("registry.example.com/arm64/gitlab-runner-helper:v17.0.0")).isEmpty();
		assertThat(HelperImageProbe.architecture("gitlab-runner-helper")).isEmpty();
	}

	private void release(String namespace, String release, String template) {
		this.cluster.runnerRelease(namespace, release, "concurrent = 4\n", template, release + "-gitlab-runner");
	}

	private Observation setting(String setting, String namespace) {
		Map<String, String> arguments = new java.util.HashMap<>(Map.of("setting", setting));
		if (namespace != null) {
			arguments.put("namespace", namespace);
		}
		return new RunnerConfigProbe().observe(ProbeArguments.of(arguments), new FabricClusterView(this.client));
	}

}
