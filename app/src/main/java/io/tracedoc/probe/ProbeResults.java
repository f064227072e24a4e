package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.tracedoc.diagnosis.Confidence;
import io.tracedoc.diagnosis.Confidence.Signal;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;
import io.tracedoc.diagnosis.RankingPolicy;
import io.tracedoc.diagnosis.RenderedFix;
import io.tracedoc.diagnosis.RuledOut;
import io.tracedoc.diagnosis.TemplateValues;
import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;

/**
 * Folds the probes' results into a diagnosis. What a finding's checks say together is
 * decided by {@link ProbePrecedence} (an access review beats a bindings read, context
 * never decides). A finding the cluster confirms gains the {@code probe-confirmed}
 * signal; one that only contradicting checks answered is moved to "ruled out" with all of
 * its checks, so every answer is shown; one with both keeps its place with the
 * {@code probe-ruled-out} signal (a pattern may check several possible causes, and one of
 * them failing to hold does not undo what the log says). The findings are ranked again,
 * and their fixes rendered again with what the probes observed.
 */
final class ProbeResults {

	private ProbeResults() {
	}

	/**
	 * @param diagnosis the diagnosis from the log
	 * @param judge each check with its result
	 * @param catalog the patterns, for their fix templates
	 * @param millis how long the probe phase took
	 * @return the diagnosis with the probes' results
	 */
	static Diagnosis apply(Diagnosis diagnosis, Function<ProbeCheck, ProbeCheck> judge, PatternCatalog catalog,
			long millis) {
		List<Finding> findings = new ArrayList<>();
		List<RuledOut> ruledOut = new ArrayList<>(diagnosis.ruledOut());
		Map<String, String> facts = TemplateValues.facts(diagnosis.trace());
		for (Finding finding : diagnosis.findings()) {
			ProbePrecedence.Decision decision = ProbePrecedence.decide(finding.probes().stream().map(judge).toList());
			List<ProbeCheck> checks = decision.checks();
			List<ProbeCheck> confirmed = decision.confirming();
			List<ProbeCheck> contradicting = decision.contradicting();
			if (decision.status() == ProbeStatus.RULED_OUT) {
				ruledOut.add(new RuledOut(finding.pattern(), finding.category(), finding.title(),
						"the cluster contradicts it: " + contradicting.get(0).reason(), finding.evidence(), checks));
				continue;
			}
			Confidence confidence = finding.confidence();
			if (!confirmed.isEmpty()) {
				confidence = confidence.with(new Signal("probe-confirmed", RankingPolicy.PROBE_CONFIRMED,
						"the cluster confirms it: " + confirmed.get(0).reason()));
			}
			if (!contradicting.isEmpty()) {
				confidence = confidence.with(new Signal("probe-ruled-out", RankingPolicy.PROBE_CONTRADICTED,
						"but the cluster contradicts part of it: " + contradicting.get(0).reason()));
			}
			List<RenderedFix> fix = catalog.find(finding.pattern())
				.map((pattern) -> render(pattern, facts, finding, checks))
				.orElse(finding.fix());
			findings.add(finding.withProbes(confidence, checks, fix));
		}
		findings.sort(RankingPolicy.order());
		return diagnosis.withProbeResults(findings, ruledOut, millis);
	}

	private static List<RenderedFix> render(FailurePattern pattern, Map<String, String> facts, Finding finding,
			List<ProbeCheck> checks) {
		Map<String, String> values = new HashMap<>(facts);
		values.putAll(finding.captures());
		values.putAll(variables(checks));
		return RenderedFix.render(pattern.fix(), values);
	}

	/**
	 * @param checks a finding's checks, with what they observed
	 * @return {@code probe.<id>.<field>} for each observed field; the first check of a
	 * probe that observed the field gives it; a list reads "a, b", an empty one is absent
	 */
	static Map<String, String> variables(List<ProbeCheck> checks) {
		Map<String, String> variables = new HashMap<>();
		for (ProbeCheck check : checks) {
			check.observed().forEach((field, value) -> {
				String text = (value instanceof Collection<?> items)
						? String.join(", ", items.stream().map(String::valueOf).toList()) : String.valueOf(value);
				if (!text.isEmpty()) {
					variables.putIfAbsent(PatternLoader.PROBE_VARIABLE_PREFIX + check.probe() + "." + field, text);
				}
			});
		}
		return variables;
	}

}
