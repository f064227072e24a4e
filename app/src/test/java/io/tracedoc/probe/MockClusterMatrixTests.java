package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.tracedoc.probe.ProbeMatrix.Names;
import io.tracedoc.probe.ProbeMatrix.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario matrix ({@link ProbeMatrix}) on the fabric8 mock, which starts from a real
 * API server's bootstrap RBAC policy: every row's cause is CONFIRMED, a tracedoc without
 * the probe's permission says NOT_CHECKED and why, the fixed cause is RULED_OUT. It runs
 * everywhere; {@link RealClusterMatrixTests} runs the same rows on a real API server.
 */
@EnableKubernetesMockClient(crud = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MockClusterMatrixTests {

	KubernetesMockServer server;

	KubernetesClient client;

	private final List<Result> results = new ArrayList<>();

	@TestFactory
	Stream<DynamicTest> everyRowGivesTheExpectedVerdictOnTheMock() {
		return ProbeMatrix.rows().stream().map((row) -> DynamicTest.dynamicTest(row.toString(), () -> {
			MockCluster cluster = new MockCluster(this.server, this.client);
			List<Result> outcome = ProbeMatrix.run(row, new MockMatrixCluster(cluster), Names.of(row.id(), "mock"));
			this.results.addAll(outcome);
			assertThat(outcome).allSatisfy((result) -> assertThat(result.right()).as(result.describe()).isTrue());
		}));
	}

	@AfterAll
	void writeTheTable() {
		MatrixReport.write("mock", this.results);
	}

}
