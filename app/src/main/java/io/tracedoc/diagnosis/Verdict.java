package io.tracedoc.diagnosis;

import java.util.List;

import io.tracedoc.pattern.Category;
import io.tracedoc.pattern.FailurePattern.Severity;
import io.tracedoc.trace.FinalStatus;
import io.tracedoc.trace.Outcome;
import io.tracedoc.trace.TraceSection;

/**
 * What a diagnosis says on top: the category, title and summary, from its findings and
 * the outcome. A succeeded job is {@code job-succeeded} whatever was found; a failed one
 * takes its category from the best finding that is not a note (severity {@code info}: a
 * missing shared cache explains no failure), and is {@code unknown} when there is none. A
 * log that stops before the runner's final status, with no cause in it, after the runner
 * began the steps it takes only for a script that succeeded, is {@code job-succeeded}
 * too: the script did not fail.
 *
 * @param category the category
 * @param title the title
 * @param summary the summary
 * @param finding the finding that names the category, or {@code null}
 */
record Verdict(Category category, String title, String summary, Finding finding) {

	static Verdict of(Outcome outcome, List<Finding> findings, TraceFacts facts) {
		Finding cause = findings.stream().filter((finding) -> !isNote(finding)).findFirst().orElse(null);
		if (outcome == Outcome.SUCCEEDED) {
			String summary = findings.isEmpty() ? "The job succeeded."
					: "The job succeeded; note: " + findings.get(0).summary();
			return new Verdict(Category.JOB_SUCCEEDED, "The job succeeded", summary, null);
		}
		if (cause == null && outcome == Outcome.UNKNOWN
				&& facts.stages().stream().anyMatch(TraceSection::afterSuccessfulScript)) {
			return new Verdict(Category.JOB_SUCCEEDED, "The job's script succeeded",
					"The log stops before the job's end, after the runner began what it does only for a script "
							+ "that succeeded; nothing in it failed.",
					null);
		}
		if (cause == null) {
			return new Verdict(Category.UNKNOWN, "No known failure pattern matches this log", unknownSummary(facts),
					null);
		}
		return new Verdict(cause.category(), cause.title(), cause.summary(), cause);
	}

	/**
	 * @param finding a finding
	 * @return {@code true} for a note: context worth showing that explains no failure
	 */
	static boolean isNote(Finding finding) {
		return finding.severity() == Severity.INFO;
	}

	private static String unknownSummary(TraceFacts facts) {
		TraceSection failing = facts.failingSection();
		FinalStatus status = facts.finalStatus();
		if (status != null && failing != null) {
			return "The job failed in " + failing.name() + " (" + Redactor.redactValue(status.error())
					+ "); read the decisive lines below.";
		}
		if (status != null) {
			return "The job failed: " + Redactor.redactValue(status.error());
		}
		return "The log does not say how the job ended; read the decisive lines below.";
	}

}
