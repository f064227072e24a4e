package io.tracedoc.probe;

import java.util.List;
import java.util.stream.Stream;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;
import io.tracedoc.diagnosis.RuledOut;
import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pattern that declares {@code confirm}, against the fabric8 mock API server: a
 * cluster built from its example to show what it expects confirms the finding, and a
 * cluster that shows the opposite rules it out, with every check shown. The only checks
 * allowed to stay NOT_CHECKED are those whose arguments the example's log does not give.
 * The mock starts from the bootstrap RBAC policy of a real API server
 * ({@link MockCluster}).
 */
@EnableKubernetesMockClient(crud = true)
class PatternProbesTests {

	private static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(CATALOG);

	KubernetesMockServer server;

	KubernetesClient client;

	@TestFactory
	Stream<DynamicContainer> everyPatternWithConfirmIsConfirmedAndRuledOutByTheCluster() {
		return CATALOG.patterns()
			.stream()
			.filter((pattern) -> !pattern.confirm().isEmpty())
			.map((pattern) -> DynamicContainer.dynamicContainer(pattern.id(),
					Stream.of(DynamicTest.dynamicTest(pattern.id() + " › confirmed", () -> confirmed(pattern)),
							DynamicTest.dynamicTest(pattern.id() + " › ruled out", () -> ruledOut(pattern)))));
	}

	private void confirmed(FailurePattern pattern) {
		PatternScenario scenario = scenario(pattern);
		Diagnosis diagnosis = scenario.probe(new MockCluster(this.server, this.client), true, CATALOG);
		Finding finding = diagnosis.findings()
			.stream()
			.filter((candidate) -> candidate.pattern().equals(pattern.id()))
			.findFirst()
			.orElse(null);
		assertThat(finding).as("%s stays a finding; ruled out: %s", scenario, diagnosis.ruledOut()).isNotNull();
		assertOnlyUncheckableStayUnchecked(scenario, finding.probes(), ProbeStatus.CONFIRMED);
		assertThat(finding.confidence().signals()).as("signals of %s", scenario)
			.anySatisfy((signal) -> assertThat(signal.name()).isEqualTo("probe-confirmed"));
	}

	private void ruledOut(FailurePattern pattern) {
		PatternScenario scenario = scenario(pattern);
		Diagnosis diagnosis = scenario.probe(new MockCluster(this.server, this.client), false, CATALOG);
		assertThat(diagnosis.findings()).as("%s is no finding any more", scenario)
			.noneSatisfy((finding) -> assertThat(finding.pattern()).isEqualTo(pattern.id()));
		RuledOut ruledOut = diagnosis.ruledOut()
			.stream()
			.filter((candidate) -> candidate.pattern().equals(pattern.id()))
			.findFirst()
			.orElseThrow();
		assertThat(ruledOut.reason()).startsWith("the cluster contradicts it: ");
		// every check of the finding is shown, those the log gave no arguments for too
		assertThat(ruledOut.probes()).hasSameSizeAs(scenario.finding().probes());
		assertOnlyUncheckableStayUnchecked(scenario, ruledOut.probes(), ProbeStatus.RULED_OUT);
	}

	private static PatternScenario scenario(FailurePattern pattern) {
		PatternScenario scenario = PatternScenario.of(pattern, ENGINE).orElseThrow();
		assertThat(scenario.checkable())
			.as("%s: at least one check of its best example must get every argument from the log; checks: %s", scenario,
					scenario.finding().probes())
			.isPositive();
		return scenario;
	}

	private static void assertOnlyUncheckableStayUnchecked(PatternScenario scenario, List<ProbeCheck> checks,
			ProbeStatus expected) {
		for (ProbeCheck check : checks) {
			if (PatternScenario.checkable(check)) {
				assertThat(check.status())
					.as("%s: %s %s (%s)", scenario, check.probe(), check.arguments(), check.reason())
					.isEqualTo(expected);
			}
			else {
				assertThat(check.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
				assertThat(check.reason()).startsWith("the log does not");
			}
		}
	}

}
