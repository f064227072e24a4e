package io.tracedoc.probe;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.FailurePattern.PatternExample;
import io.tracedoc.pattern.PatternCatalog;

/**
 * One pattern's confirm steps run against a mock cluster arranged from its example: the
 * cluster shows what the pattern expects ({@code confirming}), or the opposite.
 *
 * @param pattern the pattern
 * @param example the example whose log gives the checks the most arguments
 * @param diagnosis the diagnosis of that log, before the probes
 * @param finding the pattern's finding in it
 */
record PatternScenario(FailurePattern pattern, PatternExample example, Diagnosis diagnosis, Finding finding) {

	private static final ProbeRegistry PROBES = ProbeRegistry.standard(new TestNetwork(), Duration.ofSeconds(1));

	/**
	 * @param pattern a pattern with confirm steps
	 * @param engine the engine with the whole library
	 * @return the scenario of its best example, or empty when no example makes it a
	 * finding
	 */
	static Optional<PatternScenario> of(FailurePattern pattern, DiagnosisEngine engine) {
		return pattern.examples()
			.stream()
			.filter((example) -> example.expect() == FailurePattern.Expectation.MATCH)
			.map((example) -> {
				Diagnosis diagnosis = engine.diagnose(example.log());
				return diagnosis.findings()
					.stream()
					.filter((finding) -> finding.pattern().equals(pattern.id()))
					.findFirst()
					.map((finding) -> new PatternScenario(pattern, example, diagnosis, finding));
			})
			.flatMap(Optional::stream)
			.max(Comparator.comparingLong(PatternScenario::checkable));
	}

	/**
	 * @return how many of the finding's checks the log gives every argument they need
	 */
	long checkable() {
		return this.finding.probes().stream().filter(PatternScenario::checkable).count();
	}

	/**
	 * A check can be checked when its probe, given its arguments, goes to the cluster (or
	 * the network) rather than saying which argument the log does not give.
	 */
	static boolean checkable(ProbeCheck check) {
		try {
			PROBES.find(check.probe()).orElseThrow().observe(ProbeArguments.of(check.arguments()), UNREACHABLE);
			return true;
		}
		catch (NotCheckable ex) {
			return !ex.getMessage().startsWith("the log does not");
		}
		catch (ClusterReached ex) {
			return true;
		}
	}

	/**
	 * Arranges the cluster and runs the probe phase.
	 * @param cluster a fresh mock cluster
	 * @param confirming {@code true} for a cluster that shows what the pattern expects
	 * @param catalog the library, for the fixes
	 * @return the diagnosis after the probes
	 */
	Diagnosis probe(MockCluster cluster, boolean confirming, PatternCatalog catalog) {
		return arrange(cluster, confirming, catalog).confirm(this.diagnosis, JobContext.of(JobContext.Source.API));
	}

	/**
	 * Arranges the cluster.
	 * @param cluster a fresh mock cluster
	 * @param confirming {@code true} for a cluster that shows what the pattern expects
	 * @param catalog the library, for the fixes
	 * @return the probe phase to run against it
	 */
	ClusterProbing arrange(MockCluster cluster, boolean confirming, PatternCatalog catalog) {
		TestNetwork network = new TestNetwork();
		ClusterFixtures fixtures = new ClusterFixtures(cluster, network);
		for (ProbeCheck check : this.finding.probes()) {
			if (checkable(check)) {
				Map<String, Object> observe = new LinkedHashMap<>();
				check.expect()
					.forEach((field, value) -> observe.put(field,
							confirming ? value : ClusterFixtures.contradict(field, value)));
				fixtures.arrange(check, observe);
			}
		}
		fixtures.apply();
		return new ClusterProbing(ClusterRoutes.only(new ClusterTarget("mock", null, null, true)),
				ProbeRegistry.standard(network, Duration.ofSeconds(1)), catalog, Duration.ofSeconds(30),
				(target) -> cluster.client());
	}

	@Override
	public String toString() {
		return this.pattern.id() + " › " + this.example.name();
	}

	/** Thrown by a view that must not be reached. */
	private static final class ClusterReached extends RuntimeException {

		ClusterReached() {
			super(null, null, false, false);
		}

	}

	private static final ClusterView UNREACHABLE = new ClusterView() {

		@Override
		public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
			throw new ClusterReached();
		}

		@Override
		public <T extends HasMetadata> List<T> list(Class<T> kind, String namespace, Map<String, String> labels,
				String fields) {
			throw new ClusterReached();
		}

		@Override
		public SubjectAccessReviewStatus review(SubjectAccessReviewSpec question) {
			throw new ClusterReached();
		}

	};

}
