package io.tracedoc.diagnosis;

import io.tracedoc.pattern.FailurePattern;

/**
 * What one pattern made of a log, for "try it on a log" from the pattern catalogue.
 *
 * @param pattern the pattern tried
 * @param result {@code top} (it names the cause), {@code finding} (it matched, another
 * finding ranks higher), {@code ruled-out} (it matched, then was ruled out) or
 * {@code no-match}
 * @param reason why it was ruled out, else {@code null}
 */
public record PatternTrial(FailurePattern pattern, String result, String reason) {

	/**
	 * @param pattern the pattern tried
	 * @param diagnosis the diagnosis of the log it was tried on
	 * @return what the pattern made of the log
	 */
	static PatternTrial of(FailurePattern pattern, Diagnosis diagnosis) {
		Finding top = diagnosis.top();
		if (top != null && top.pattern().equals(pattern.id())) {
			return new PatternTrial(pattern, "top", null);
		}
		if (diagnosis.findings().stream().anyMatch((finding) -> finding.pattern().equals(pattern.id()))) {
			return new PatternTrial(pattern, "finding", null);
		}
		return diagnosis.ruledOut()
			.stream()
			.filter((ruledOut) -> ruledOut.pattern().equals(pattern.id()))
			.findFirst()
			.map((ruledOut) -> new PatternTrial(pattern, "ruled-out", ruledOut.reason()))
			.orElse(new PatternTrial(pattern, "no-match", null));
	}

}
