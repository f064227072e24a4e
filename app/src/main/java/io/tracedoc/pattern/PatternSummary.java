package io.tracedoc.pattern;

import java.util.List;

import io.tracedoc.pattern.FailurePattern.Level;
import io.tracedoc.pattern.FailurePattern.Maturity;
import io.tracedoc.pattern.FailurePattern.Severity;

/**
 * A pattern as the catalogue lists it ({@code GET /api/v1/patterns}).
 *
 * @param id the pattern's id
 * @param name "Component – failure type"
 * @param category its category
 * @param severity impact on the pipeline
 * @param confidence how specific its evidence is on its own
 * @param maturity how far it is proven
 * @param tags free tags
 * @param summary the one-line summary, with its {@code {{capture}}} placeholders
 */
public record PatternSummary(String id, String name, Category category, Severity severity, Level confidence,
		Maturity maturity, List<String> tags, String summary) {

	public PatternSummary {
		tags = List.copyOf(tags);
	}

	static PatternSummary of(FailurePattern pattern) {
		return new PatternSummary(pattern.id(), pattern.name(), pattern.category(), pattern.severity(),
				pattern.confidence(), pattern.maturity(), pattern.tags(), pattern.summary().source());
	}

}
