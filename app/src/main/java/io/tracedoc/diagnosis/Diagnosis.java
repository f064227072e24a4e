package io.tracedoc.diagnosis;

import java.util.List;

import io.tracedoc.pattern.Category;
import io.tracedoc.trace.Outcome;

/**
 * Why a job failed and how to fix it: the contract between the engine and everything that
 * shows a diagnosis (CLI {@code --json}, REST API, web UI, GitLab notes, Slack).
 * Documented field by field in {@code docs/diagnosis-json.md}; change it deliberately.
 *
 * @param schemaVersion the version of this JSON form
 * @param id the permalink id once the diagnosis is stored, else {@code null}
 * @param outcome how the job ended, from the log
 * @param category the best finding's category; {@code job-succeeded} when the job
 * succeeded, {@code unknown} when it failed and no pattern explains it
 * @param title the best finding's name, or a sentence for the two outcomes without a
 * finding
 * @param summary the best finding's summary, rendered from its captures
 * @param findings the causes found, best first
 * @param ruledOut hypotheses that matched but were ruled out, each with the reason
 * @param decisiveLines the failing command and the first error-like lines after it in the
 * failing section (what to read first when the cause is in the job's own script, or
 * unknown)
 * @param trace facts from the log: runner, pod, sections, the final status
 * @param redactions how many secrets were replaced before anything left the engine
 * @param timings where the time went
 */
public record Diagnosis(int schemaVersion, String id, Outcome outcome, Category category, String title, String summary,
		List<Finding> findings, List<RuledOut> ruledOut, List<Evidence> decisiveLines, TraceFacts trace, int redactions,
		Timings timings) {

	/** The version of the JSON form this record serialises to. */
	public static final int SCHEMA_VERSION = 1;

	public Diagnosis {
		findings = List.copyOf(findings);
		ruledOut = List.copyOf(ruledOut);
		decisiveLines = List.copyOf(decisiveLines);
	}

	/**
	 * @param id the permalink id
	 * @return this diagnosis, stored under {@code id}
	 */
	public Diagnosis withId(String id) {
		return new Diagnosis(this.schemaVersion, id, this.outcome, this.category, this.title, this.summary,
				this.findings, this.ruledOut, this.decisiveLines, this.trace, this.redactions, this.timings);
	}

	/**
	 * @param findings findings after the probes ran, best first
	 * @param ruledOut hypotheses ruled out, by patterns or probes
	 * @param probeMillis how long the probes took
	 * @return this diagnosis with the probes' results
	 */
	public Diagnosis withProbeResults(List<Finding> findings, List<RuledOut> ruledOut, long probeMillis) {
		Verdict verdict = Verdict.of(this.outcome, findings, this.trace);
		return new Diagnosis(this.schemaVersion, this.id, this.outcome, verdict.category(), verdict.title(),
				verdict.summary(), findings, ruledOut, this.decisiveLines, this.trace, this.redactions,
				this.timings.withProbes(probeMillis));
	}

	/**
	 * @return the finding that names the category: the best one that is not a note;
	 * {@code null} for a succeeded job or when nothing explains the failure
	 */
	public Finding top() {
		return Verdict.of(this.outcome, this.findings, this.trace).finding();
	}

}
