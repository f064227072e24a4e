package io.tracedoc.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.tracedoc.diagnosis.Confidence.Signal;
import io.tracedoc.pattern.FailurePattern.Level;
import io.tracedoc.pattern.FailurePattern.Maturity;
import io.tracedoc.pattern.FailurePattern.Severity;

/**
 * Every rule by which findings are weighed, ordered and explained away, in one place: the
 * weights of the confidence signals from the log and from the cluster, the order of the
 * findings, and when one finding explains another away. {@code docs/patterns.md} ("How a
 * finding is ranked") states this policy in words; the two must agree.
 */
public final class RankingPolicy {

	private static final Map<Level, Double> BASE = Map.of(Level.HIGH, 0.75, Level.MEDIUM, 0.55, Level.LOW, 0.35);

	static final double FINAL_ERROR = 0.15;

	/**
	 * A final line that gives only an exit code says that something failed, not what:
	 * little more than a line of the failing stage.
	 */
	static final double FINAL_EXIT_CODE = 0.05;

	static final double FAILING_SECTION = 0.10;

	/**
	 * Where the stage that failed is unknown (no sections, or a copy that starts late),
	 * evidence printed before the final line is the best sign of where the failure was.
	 */
	static final double BEFORE_FINAL_LINE = 0.05;

	static final double OUTSIDE_FAILING_SECTION = -0.20;

	/** Lines printed after the runner's final line cannot have ended the job. */
	static final double AFTER_FINAL_LINE = -0.20;

	static final double CORROBORATED = 0.05;

	static final double CORROBORATION_ABSENT = -0.05;

	static final double SECTIONS_UNKNOWN = -0.10;

	static final double NO_FINAL_STATUS = -0.10;

	static final double SANDBOX = -0.05;

	static final double DEPRECATED = -0.15;

	/** What a probe that confirms a finding adds. */
	public static final double PROBE_CONFIRMED = 0.20;

	/**
	 * What a probe that contradicts part of a finding takes away, when another of its
	 * probes confirms it (a finding only contradicted is ruled out).
	 */
	public static final double PROBE_CONTRADICTED = -0.15;

	/**
	 * A specific finding explains a generic one away only when it is at least this sure;
	 * a weak guess does not hide a sound generic answer.
	 */
	static final double EXPLAINS_AWAY_FROM = 0.40;

	private RankingPolicy() {
	}

	/**
	 * The order of findings: causes before notes (severity {@code info}), then by
	 * confidence; ties keep the order they came in (the engine's: severity, then the
	 * latest evidence first).
	 * @return the comparator
	 */
	public static Comparator<Finding> order() {
		return Comparator.comparing((Finding finding) -> finding.severity() == Severity.INFO)
			.thenComparing((finding) -> -finding.confidence().score());
	}

	/**
	 * The engine's order of the candidates of one pass, before they become findings.
	 *
	 * @param note a note rather than a cause
	 * @param score its confidence
	 * @param severity its severity
	 * @param lastIndex the position of its latest evidence
	 */
	record Standing(boolean note, double score, Severity severity, int lastIndex) {

		static final Comparator<Standing> ORDER = Comparator.comparing(Standing::note)
			.thenComparingDouble((standing) -> -standing.score())
			.thenComparing((standing) -> -standing.severity().ordinal())
			.thenComparing((standing) -> -standing.lastIndex());

	}

	/**
	 * Where a finding's evidence lies, as far as the log tells.
	 *
	 * @param level the pattern's own confidence
	 * @param maturity the pattern's maturity
	 * @param finalError one of its lines is the runner's final error line
	 * @param finalErrorIsExitCode that final line gives only an exit code
	 * @param inFailingStage one of its other lines is in the stage the job failed in
	 * @param failingStage the name of that stage, or {@code null} when it is unknown
	 * @param beforeFinalLine where the failing stage is unknown: a line of it precedes
	 * the final line (or the log has none)
	 * @param stages the stages its lines are in, for the reader
	 * @param distinctLines how many separate lines it rests on
	 * @param sectionScoped it uses a section scope
	 * @param logHasSections the log has sections to check that scope against
	 * @param logHasFinalStatus the log ends with the runner's final status
	 * @param corroborationAbsent corroborating conditions it did not need, because the
	 * part of the log that carries them is missing
	 */
	record Placement(Level level, Maturity maturity, boolean finalError, boolean finalErrorIsExitCode,
			boolean inFailingStage, String failingStage, boolean beforeFinalLine, boolean afterFinalLine, String stages,
			long distinctLines, boolean sectionScoped, boolean logHasSections, boolean logHasFinalStatus,
			List<String> corroborationAbsent) {

	}

	/**
	 * @param placement where the evidence lies
	 * @return the confidence, each signal named with its weight and a sentence
	 */
	static Confidence confidence(Placement placement) {
		List<Signal> signals = new ArrayList<>();
		String level = placement.level().name().toLowerCase(java.util.Locale.ROOT);
		signals.add(new Signal("pattern", BASE.get(placement.level()),
				"the pattern's evidence alone is of " + level + " confidence"));
		boolean strongFinal = placement.finalError() && !placement.finalErrorIsExitCode();
		if (strongFinal) {
			signals.add(new Signal("final-error", FINAL_ERROR, "the runner's final error line says so"));
		}
		else if (placement.finalError()) {
			signals.add(
					new Signal("final-exit-code", FINAL_EXIT_CODE, "the runner's final line gives only the exit code"));
		}
		if (!strongFinal) {
			if (placement.inFailingStage()) {
				signals.add(new Signal("failing-section", FAILING_SECTION,
						"the evidence is in " + placement.failingStage() + ", the stage the job failed in"));
			}
			else if (placement.failingStage() == null && placement.beforeFinalLine() && !placement.finalError()) {
				signals.add(new Signal("before-final-line", BEFORE_FINAL_LINE,
						"the log does not say which stage failed; the evidence comes before the runner's final line"));
			}
			else if (placement.afterFinalLine() && !placement.finalError()) {
				signals.add(new Signal("after-final-line", AFTER_FINAL_LINE,
						"the evidence comes after the runner's final line, so it did not end the job"));
			}
			else if (placement.failingStage() != null && !placement.finalError()) {
				signals.add(new Signal("outside-failing-section", OUTSIDE_FAILING_SECTION, "the job failed in "
						+ placement.failingStage() + ", but the evidence is in " + placement.stages()));
			}
		}
		if (placement.distinctLines() >= 2) {
			signals.add(new Signal("corroborated", CORROBORATED, placement.distinctLines() + " separate lines agree"));
		}
		if (!placement.corroborationAbsent().isEmpty()) {
			signals.add(new Signal("corroboration-absent", CORROBORATION_ABSENT, "the log lacks "
					+ String.join(" and ", placement.corroborationAbsent()) + ", which would corroborate it"));
		}
		if (placement.sectionScoped() && !placement.logHasSections()) {
			signals.add(new Signal("sections-unknown", SECTIONS_UNKNOWN,
					"the log has no sections, so where the lines were printed could not be checked"));
		}
		if (!placement.logHasFinalStatus()) {
			signals.add(new Signal("no-final-status", NO_FINAL_STATUS,
					"the log ends without the runner's final status, so the failure itself is not in it"));
		}
		if (placement.maturity() == Maturity.SANDBOX) {
			signals.add(new Signal("sandbox", SANDBOX, "the pattern is new and not yet proven on many logs"));
		}
		else if (placement.maturity() == Maturity.DEPRECATED) {
			signals.add(new Signal("deprecated", DEPRECATED, "the pattern is deprecated"));
		}
		return Confidence.of(signals);
	}

	/**
	 * @param otherIsSpecific the other finding's pattern is not generic
	 * @param candidateIsGeneric the candidate's pattern is generic
	 * @param otherExplainsFailure the other finding is a cause with evidence where the
	 * job failed
	 * @param otherScore the other finding's confidence
	 * @return whether the other finding explains the candidate away
	 */
	static boolean specificExplainsAway(boolean otherIsSpecific, boolean candidateIsGeneric,
			boolean otherExplainsFailure, double otherScore) {
		return candidateIsGeneric && otherIsSpecific && otherExplainsFailure && otherScore >= EXPLAINS_AWAY_FROM;
	}

}
