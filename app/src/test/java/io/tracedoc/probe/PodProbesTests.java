package io.tracedoc.probe;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BuildPodStatusProbe}, {@link PodEventsProbe} and
 * {@link NodeSchedulingProbe}: what they read of a build pod, its events and the nodes.
 */
@EnableKubernetesMockClient(crud = true)
class PodProbesTests {

	private static final String POD = "runner-x7k2p-project-42-concurrent-0-abcde";

	KubernetesMockServer server;

	KubernetesClient client;

	private MockCluster cluster;

	@BeforeEach
	void cluster() {
		this.cluster = new MockCluster(this.server, this.client);
	}

	@Test
	void readsTheLastTerminationOfARestartedContainer() {
		this.cluster.create(pod("Running",
				new ContainerStatusBuilder().withName("build")
					.withRestartCount(1)
					.withNewState()
					.withNewRunning()
					.endRunning()
					.endState()
					.withNewLastState()
					.withNewTerminated()
					.withReason("OOMKilled")
					.withExitCode(137)
					.endTerminated()
					.endLastState()
					.build())
			.build());
		Observation observation = status(Map.of("container", "build"));
		assertThat(observation.observed()).containsEntry("terminated-reason", "OOMKilled")
			.containsEntry("exit-code", 137)
			.containsEntry("restart-count", 1)
			.containsEntry("waiting-reason", "none");
		assertThat(observation.evidence()).contains("Pod ci/" + POD
				+ " container build: running, last terminated OOMKilled with exit code 137, restarted 1 times");
	}

	@Test
	void picksTheContainerThatWaitsWhenThePatternNamesNone() {
		this.cluster.create(pod("Pending",
				new ContainerStatusBuilder().withName("build")
					.withNewState()
					.withNewRunning()
					.endRunning()
					.endState()
					.build(),
				new ContainerStatusBuilder().withName("svc-0")
					.withNewState()
					.withNewWaiting()
					.withReason("ImagePullBackOff")
					.withMessage("Back-off pulling image \"postgres:16\"")
					.endWaiting()
					.endState()
					.build())
			.build());
		Observation observation = status(Map.of());
		assertThat(observation.observed()).containsEntry("waiting-reason", "ImagePullBackOff")
			.containsEntry("phase", "Pending");
		assertThat(observation.summary())
			.endsWith("container svc-0 waiting ImagePullBackOff (Back-off pulling image \"postgres:16\")");
	}

	@Test
	void leavesEveryOtherFieldUnobservedWhenThePodIsGone() {
		Observation observation = status(Map.of());
		assertThat(observation.observed()).containsExactly(Map.entry("exists", false));
		ProbeCheck judged = Expectations.judge(check("build-pod-status", Map.of("phase", "Pending")), observation);
		assertThat(judged.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
		assertThat(judged.reason()).isEqualTo("Pod ci/" + POD
				+ " no longer exists (the runner deletes the build pod when the job ends) (phase could not be observed)");
	}

	@Test
	void saysThePodsWarningsAreGoneRatherThanThatThereWereNone() {
		assertThatExceptionOfType(NotCheckable.class).isThrownBy(() -> events("Failed"))
			.withMessageStartingWith("Pod ci/" + POD + " and its events are gone");
	}

	@Test
	void findsTheWarningOfTheReasonAmongThePodsEvents() {
		this.cluster.podEvent("ci", POD, "Normal", "Scheduled", "Successfully assigned ci/" + POD + " to node-1");
		this.cluster.podEvent("ci", POD, "Warning", "Failed", "Failed to pull image \"app:1\": not found");
		this.cluster.podEvent("ci", "another-pod", "Warning", "FailedMount", "not this pod");
		assertThat(events("Failed").observed()).containsEntry("has-reason", true)
			.containsEntry("reasons", List.of("Failed"));
		Observation mount = events("FailedMount");
		assertThat(mount.observed()).containsEntry("has-reason", false);
		assertThat(mount.evidence()).hasSize(2)
			.allSatisfy((line) -> assertThat(line).startsWith("Event ci/" + POD + " "));
	}

	@Test
	void countsANodeWhoseTaintThePodToleratesAsFitting() {
		this.cluster.create(node("node-1", "dedicated", "ci", "8Gi"));
		this.cluster.create(scheduledPod(POD, null).editSpec()
			.addNewToleration()
			.withKey("dedicated")
			.withOperator("Equal")
			.withValue("ci")
			.withEffect("NoSchedule")
			.endToleration()
			.endSpec()
			.build());
		assertThat(scheduling().observed()).containsEntry("fitting-nodes", 1);
	}

	@Test
	void namesTheTaintTheSelectorAndTheMemoryThatKeepThePodOff() {
		this.cluster.create(node("tainted", "dedicated", "gpu", "8Gi"));
		this.cluster.create(node("full", null, null, "2Gi"));
		this.cluster.create(scheduledPod("other", "full").build());
		this.cluster.create(scheduledPod(POD, null).editSpec().addToNodeSelector("pool", "ci").endSpec().build());
		Observation observation = scheduling();
		assertThat(observation.observed()).containsEntry("fitting-nodes", 0)
			.containsEntry("untolerated-taints", List.of("tainted: dedicated=gpu:NoSchedule"))
			.containsEntry("unmatched-selector", List.of("tainted: pool=ci", "full: pool=ci"))
			.containsEntry("insufficient", List.of("full: memory requested 1536Mi, free 512Mi of 2Gi"));
	}

	private Observation status(Map<String, String> extra) {
		Map<String, String> arguments = new java.util.HashMap<>(Map.of("namespace", "ci", "pod", POD));
		arguments.putAll(extra);
		return new BuildPodStatusProbe().observe(ProbeArguments.of(arguments), new FabricClusterView(this.client));
	}

	private Observation events(String reason) {
		return new PodEventsProbe().observe(ProbeArguments.of(Map.of("namespace", "ci", "pod", POD, "reason", reason)),
				new FabricClusterView(this.client));
	}

	private Observation scheduling() {
		return new NodeSchedulingProbe().observe(ProbeArguments.of(Map.of("namespace", "ci", "pod", POD)),
				new FabricClusterView(this.client));
	}

	private static ProbeCheck check(String probe, Map<String, Object> expect) {
		return new ProbeCheck(probe, Map.of("namespace", "ci", "pod", POD), expect, ProbeStatus.NOT_CHECKED,
				"probes have not run", Map.of(), List.of());
	}

	private static PodBuilder pod(String phase, io.fabric8.kubernetes.api.model.ContainerStatus... containers) {
		return new PodBuilder().withNewMetadata()
			.withName(POD)
			.withNamespace("ci")
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("build")
			.withImage("alpine")
			.endContainer()
			.endSpec()
			.withNewStatus()
			.withPhase(phase)
			.withContainerStatuses(containers)
			.endStatus();
	}

	private static PodBuilder scheduledPod(String name, String node) {
		return new PodBuilder().withNewMetadata()
			.withName(name)
			.withNamespace("ci")
			.endMetadata()
			.withNewSpec()
			.withNodeName(node)
			.addNewContainer()
			.withName("build")
			.withImage("alpine")
			.withNewResources()
			.addToRequests("cpu", new Quantity("500m"))
			.addToRequests("memory", new Quantity("1536Mi"))
			.endResources()
			.endContainer()
			.endSpec()
			.withNewStatus()
			.withPhase((node != null) ? "Running" : "Pending")
			.endStatus();
	}

	private static io.fabric8.kubernetes.api.model.Node node(String name, String taintKey, String taintValue,
			String memory) {
		NodeBuilder node = new NodeBuilder().withNewMetadata()
			.withName(name)
			.endMetadata()
			.withNewSpec()
			.endSpec()
			.withNewStatus()
			.addToAllocatable("cpu", new Quantity("4"))
			.addToAllocatable("memory", new Quantity(memory))
			.endStatus();
		if (taintKey != null) {
			node.editSpec()
				.addNewTaint()
				.withKey(taintKey)
				.withValue(taintValue)
				.withEffect("NoSchedule")
				.endTaint()
				.endSpec();
		}
		return node.build();
	}

}
