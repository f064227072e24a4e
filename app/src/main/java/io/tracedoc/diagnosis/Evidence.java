package io.tracedoc.diagnosis;

import java.util.List;

/**
 * A line of the log that supports a finding, with the lines around it.
 *
 * @param line the line number as the job page shows it
 * @param text the line's text, redacted
 * @param section the name of the innermost section the line is in, or {@code null}
 * @param role {@code matched} (a condition of the pattern), {@code final-error} (the
 * runner's final error, joined when a copy wrapped it), {@code decisive} (an error-like
 * line of the failing section), {@code command} (the command that failed) or
 * {@code ruled-out-by} (the line that rules a hypothesis out)
 * @param before up to three lines before it
 * @param after up to three lines after it
 */
public record Evidence(int line, String text, String section, String role, List<ContextLine> before,
		List<ContextLine> after) {

	public Evidence {
		before = List.copyOf(before);
		after = List.copyOf(after);
	}

	/**
	 * A neighbouring line shown for context.
	 *
	 * @param line the line number
	 * @param text the text, redacted
	 */
	public record ContextLine(int line, String text) {

	}

}
