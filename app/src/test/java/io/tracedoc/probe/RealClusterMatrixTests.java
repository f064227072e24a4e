package io.tracedoc.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.tracedoc.probe.ProbeMatrix.Names;
import io.tracedoc.probe.ProbeMatrix.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario matrix ({@link ProbeMatrix}) on a real API server, when
 * {@code TRACEDOC_IT_KUBECONFIG} names an admin kubeconfig ({@code TRACEDOC_IT_CONTEXT}
 * picks a context). tracedoc probes as its own service account: the one of
 * {@code TRACEDOC_IT_PROBE_KUBECONFIG} when given, else {@code tracedoc/tracedoc} made
 * here and bound to {@code docker/kubernetes/tracedoc-probes-rbac.yaml}. With
 * {@code TRACEDOC_IT_AUDIT_LOG} naming the server's audit log, it then proves that
 * tracedoc's identities sent nothing but reads and access reviews.
 * {@code scripts/real-cluster-matrix.sh} starts a kube-apiserver and runs this.
 */
@EnabledIfEnvironmentVariable(named = "TRACEDOC_IT_KUBECONFIG", matches = ".+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealClusterMatrixTests {

	private final String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);

	private final List<Result> results = new ArrayList<>();

	private KubernetesClient admin;

	private RealMatrixCluster cluster;

	private Instant started;

	@BeforeAll
	void connect() {
		this.started = Instant.now().minusSeconds(1);
		Path kubeconfig = Path.of(System.getenv("TRACEDOC_IT_KUBECONFIG"));
		this.admin = new KubernetesClientBuilder()
			.withConfig(Config.fromKubeconfig(System.getenv("TRACEDOC_IT_CONTEXT"), kubeconfig.toFile()))
			.build();
		String probe = System.getenv("TRACEDOC_IT_PROBE_KUBECONFIG");
		this.cluster = new RealMatrixCluster(this.admin, (probe != null && !probe.isBlank()) ? Path.of(probe) : null);
	}

	@AfterAll
	void close() {
		MatrixReport.write("real", this.results);
		if (this.cluster != null) {
			this.cluster.close();
		}
		if (this.admin != null) {
			this.admin.close();
		}
	}

	@TestFactory
	@Order(1)
	Stream<DynamicTest> everyRowGivesTheExpectedVerdictOnTheApiServer() {
		return ProbeMatrix.rows().stream().map((row) -> DynamicTest.dynamicTest(row.toString(), () -> {
			List<Result> outcome;
			try {
				outcome = ProbeMatrix.run(row, this.cluster, Names.of(row.id(), this.suffix));
			}
			finally {
				this.cluster.endRow();
			}
			this.results.addAll(outcome);
			assertThat(outcome).allSatisfy((result) -> assertThat(result.right()).as(result.describe()).isTrue());
		}));
	}

	@Test
	@Order(2)
	void sentNothingAsTracedocButReadsAndAccessReviews() throws IOException {
		String log = System.getenv("TRACEDOC_IT_AUDIT_LOG");
		Assumptions.assumeTrue(log != null && !log.isBlank(), "TRACEDOC_IT_AUDIT_LOG names no audit log");
		List<AuditLog.Request> requests = AuditLog.requests(Path.of(log),
				"system:serviceaccount:" + RealMatrixCluster.NAMESPACE + ":tracedoc", this.started);
		Map<String, Long> byVerb = AuditLog.byVerb(requests);
		List<AuditLog.Request> mutating = requests.stream().filter((request) -> !request.readOnly()).toList();
		String figures = "requests by tracedoc's identities (system:serviceaccount:tracedoc:tracedoc*): "
				+ requests.size() + "\n"
				+ byVerb.entrySet()
					.stream()
					.map((entry) -> "- " + entry.getKey() + ": " + entry.getValue())
					.collect(Collectors.joining("\n"))
				+ "\nmutating: " + mutating.size() + "\nrefused with 403: "
				+ requests.stream().filter((request) -> request.code() == 403).count() + "\n";
		Path file = Path.of("target", "probe-matrix", "audit.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, figures);
		assertThat(mutating).as(figures).isEmpty();
		// the record covers what the matrix did, so the assertion above means something
		assertThat(byVerb).containsKeys("get", "list", "create subjectaccessreviews");
	}

}
