package io.tracedoc.diagnosis;

import java.util.List;

import io.tracedoc.pattern.Category;

/**
 * A hypothesis that matched the log but does not explain the failure.
 *
 * @param pattern the pattern that matched
 * @param category its category
 * @param title the pattern's name
 * @param reason why it was ruled out, in one sentence
 * @param evidence the lines it matched, and the line that rules it out where there is one
 * @param probes every check of the finding, where a probe ruled it out: those that ruled
 * it out and those they overruled or that could not check, so every answer is shown
 */
public record RuledOut(String pattern, Category category, String title, String reason, List<Evidence> evidence,
		List<ProbeCheck> probes) {

	public RuledOut {
		evidence = List.copyOf(evidence);
		probes = List.copyOf(probes);
	}

}
