package io.tracedoc.probe;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The probes against a real cluster (kind, k3s ...): runs only when
 * {@code TRACEDOC_IT_KUBECONFIG} or else {@code KUBECONFIG} names a kubeconfig (the first
 * file of it), whose identity must be allowed to create namespaces, service accounts,
 * RBAC objects and pods ({@code TRACEDOC_IT_CONTEXT} picks a context other than the
 * current one). It creates two namespaces of its own, and deletes them afterwards.
 * README, "Live cluster probes", says how to run it.
 */
@EnabledIf("aClusterIsGiven")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealClusterProbesTests {

	private static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(CATALOG);

	private final String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

	/** The namespace the jobs run in. */
	private final String jobs = "tracedoc-it-" + this.suffix;

	/** Another namespace, where the runner's account has its Role. */
	private final String other = "tracedoc-it-other-" + this.suffix;

	private KubernetesClient admin;

	private ClusterProbing probing;

	@BeforeAll
	void createNamespacesAndTheRunnersAccount() {
		Path kubeconfig = givenKubeconfig().orElseThrow();
		String context = System.getenv("TRACEDOC_IT_CONTEXT");
		this.admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(context, kubeconfig.toFile()))
			.build();
		for (String namespace : List.of(this.jobs, this.other)) {
			this.admin.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
				.create();
		}
		this.admin
			.resource(new ServiceAccountBuilder().withNewMetadata()
				.withName("runner")
				.withNamespace(this.jobs)
				.endMetadata()
				.build())
			.create();
		// the runner's Role is bound only in the other namespace
		grantSecrets(this.other);
		ClusterTarget target = new ClusterTarget("it", kubeconfig, context, false);
		target.check();
		this.probing = ClusterProbing.of(target, CATALOG, Duration.ofSeconds(20), Duration.ofSeconds(10));
	}

	static boolean aClusterIsGiven() {
		return givenKubeconfig().isPresent();
	}

	private static Optional<Path> givenKubeconfig() {
		return Stream.of("TRACEDOC_IT_KUBECONFIG", "KUBECONFIG")
			.map(System::getenv)
			.filter((value) -> value != null && !value.isBlank())
			.findFirst()
			.map((value) -> Path.of(value.split(File.pathSeparator)[0]));
	}

	@AfterAll
	void deleteWhatTheTestCreated() {
		if (this.probing != null) {
			this.probing.close();
		}
		if (this.admin != null) {
			for (String namespace : List.of(this.jobs, this.other)) {
				this.admin.namespaces().withName(namespace).delete();
			}
			this.admin.close();
		}
	}

	@Test
	void confirmsTheRefusalAndFindsTheBindingInTheOtherNamespace() {
		Finding finding = finding(probe(forbidden()), "k8s-rbac-forbidden");
		assertThat(finding.probes()).extracting(ProbeCheck::status).containsOnly(ProbeStatus.CONFIRMED);
		assertThat(finding.probes().get(1).observed()).containsEntry("bound-namespaces", List.of(this.other));
	}

	@Test
	void rulesTheRefusalOutOnceTheRoleIsBoundWhereTheJobsRun() {
		String granted = "tracedoc-it-granted-" + this.suffix;
		this.admin.resource(new NamespaceBuilder().withNewMetadata().withName(granted).endMetadata().build()).create();
		try {
			this.admin
				.resource(new ServiceAccountBuilder().withNewMetadata()
					.withName("runner")
					.withNamespace(granted)
					.endMetadata()
					.build())
				.create();
			grantSecrets(granted);
			Diagnosis probed = probe(forbiddenIn(granted));
			assertThat(probed.findings()).extracting(Finding::pattern).doesNotContain("k8s-rbac-forbidden");
			assertThat(probed.ruledOut()).anySatisfy((ruledOut) -> {
				assertThat(ruledOut.pattern()).isEqualTo("k8s-rbac-forbidden");
				assertThat(ruledOut.probes()).isNotEmpty();
			});
		}
		finally {
			this.admin.namespaces().withName(granted).delete();
		}
	}

	@Test
	void confirmsThatNoNodeFitsAPodWithANodeSelectorNoNodeHas() {
		String pod = "runner-it" + this.suffix + "-project-1-concurrent-0-abcde";
		this.admin
			.resource(new PodBuilder().withNewMetadata()
				.withName(pod)
				.withNamespace(this.jobs)
				.endMetadata()
				.withNewSpec()
				.withServiceAccountName("runner")
				.addToNodeSelector("tracedoc-it", "no-such-node")
				.addNewContainer()
				.withName("build")
				.withImage("busybox:1.36")
				.withCommand("sleep", "600")
				.endContainer()
				.endSpec()
				.build())
			.create();
		await().atMost(60, TimeUnit.SECONDS)
			.until(() -> this.admin.v1()
				.events()
				.inNamespace(this.jobs)
				.list()
				.getItems()
				.stream()
				.map(Event::getReason)
				.anyMatch("FailedScheduling"::equals));
		String log = "Using Kubernetes namespace: " + this.jobs + "\nPreparing environment\n" + "Waiting for pod "
				+ this.jobs + "/" + pod + " to be running, status is Pending\n"
				+ "\tUnschedulable: \"0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.\"\n"
				+ "ERROR: Job failed (system failure): prepare environment: waiting for pod running: timed out waiting for pod to start\n";
		Finding finding = finding(probe(log), "pod-unschedulable-node-selector");
		assertThat(finding.probes()).extracting(ProbeCheck::status).containsOnly(ProbeStatus.CONFIRMED);
	}

	@Test
	void tellsAMissingNamespaceFromAnExistingOne() {
		assertThat(finding(probe(namespaceNotFound("tracedoc-it-missing-" + this.suffix)), "k8s-namespace-not-found")
			.probes()).extracting(ProbeCheck::status).containsOnly(ProbeStatus.CONFIRMED);
		assertThat(probe(namespaceNotFound(this.jobs)).ruledOut()).extracting((r) -> r.pattern())
			.contains("k8s-namespace-not-found");
	}

	private void grantSecrets(String namespace) {
		this.admin
			.resource(new RoleBuilder().withNewMetadata()
				.withName("runner")
				.withNamespace(namespace)
				.endMetadata()
				.addNewRule()
				.withApiGroups("")
				.withResources("secrets")
				.withVerbs("create", "get", "delete")
				.endRule()
				.build())
			.create();
		this.admin.resource(TestRbac.roleBinding("runner", namespace, "Role", "runner", "ServiceAccount", "runner",
				namespace.equals(this.other) ? this.jobs : namespace))
			.create();
	}

	private String forbidden() {
		return forbiddenIn(this.jobs);
	}

	private static String forbiddenIn(String namespace) {
		return "ERROR: Job failed (system failure): prepare environment: secrets is forbidden: User \"system:serviceaccount:"
				+ namespace + ":runner\" cannot create resource \"secrets\" in API group \"\" in the namespace \""
				+ namespace + "\"\n";
	}

	private static String namespaceNotFound(String namespace) {
		return "Using Kubernetes namespace: " + namespace + "\nPreparing environment\n"
				+ "ERROR: Job failed (system failure): prepare environment: setting up build pod: namespaces \""
				+ namespace + "\" not found\n";
	}

	private Diagnosis probe(String log) {
		return this.probing.confirm(ENGINE.diagnose(log.getBytes(StandardCharsets.UTF_8)),
				JobContext.of(JobContext.Source.API));
	}

	private static Finding finding(Diagnosis diagnosis, String pattern) {
		return diagnosis.findings()
			.stream()
			.filter((finding) -> finding.pattern().equals(pattern))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					pattern + " is no finding: " + diagnosis.findings().stream().map(Finding::pattern).toList()
							+ ", ruled out " + diagnosis.ruledOut()));
	}

}
