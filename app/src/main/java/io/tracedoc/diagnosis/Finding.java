package io.tracedoc.diagnosis;

import java.util.List;
import java.util.Map;

import io.tracedoc.pattern.Category;
import io.tracedoc.pattern.FailurePattern.Maturity;
import io.tracedoc.pattern.FailurePattern.Severity;

/**
 * One cause the log points at.
 *
 * @param pattern the id of the pattern that recognised it
 * @param category its category
 * @param title the pattern's name
 * @param summary one line, rendered from the captures
 * @param severity impact on the pipeline
 * @param maturity how far the pattern is proven
 * @param confidence how sure the engine is, and why
 * @param evidence the lines that prove it, with context
 * @param captures the values taken from the log (namespace, service account, host, image
 * ...)
 * @param fix the remedies, rendered for this job
 * @param probes the checks against the cluster that confirm or rule it out
 * @param description why it happens
 * @param remediation what to do, in words
 * @param references where to read more
 */
public record Finding(String pattern, Category category, String title, String summary, Severity severity,
		Maturity maturity, Confidence confidence, List<Evidence> evidence, Map<String, String> captures,
		List<RenderedFix> fix, List<ProbeCheck> probes, String description, String remediation,
		List<String> references) {

	public Finding {
		evidence = List.copyOf(evidence);
		captures = Map.copyOf(captures);
		fix = List.copyOf(fix);
		probes = List.copyOf(probes);
		references = List.copyOf(references);
	}

	/**
	 * @param confidence the confidence after the probes
	 * @param probes the probes with their results
	 * @param fix the remedies, rendered again with what the probes observed
	 * @return this finding after the probes ran
	 */
	public Finding withProbes(Confidence confidence, List<ProbeCheck> probes, List<RenderedFix> fix) {
		return new Finding(this.pattern, this.category, this.title, this.summary, this.severity, this.maturity,
				confidence, this.evidence, this.captures, fix, probes, this.description, this.remediation,
				this.references);
	}

}
