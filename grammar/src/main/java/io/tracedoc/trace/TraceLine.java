package io.tracedoc.trace;

import java.time.Instant;
import java.util.List;

/**
 * One line of the job log as GitLab's job page shows it: escapes interpreted, bare
 * carriage returns applied, never empty.
 *
 * @param number the line number the web UI shows (gapped when the log was copied with
 * gapped numbers)
 * @param text the visible text, without escapes or markers
 * @param section id of the innermost open section (index into
 * {@link TraceSummary#sections()}), or -1
 * @param stream the FF_TIMESTAMPS stream the line was written to, or {@code null} when
 * the log has none
 * @param timestamp when the runner wrote the line (FF_TIMESTAMPS), or {@code null}
 * @param runs the styled stretches of {@code text}, empty when the whole line has the
 * default style
 */
public record TraceLine(int number, String text, int section, LineStream stream, Instant timestamp,
		List<StyledRun> runs) {

	public TraceLine {
		runs = List.copyOf(runs);
	}

	/**
	 * @return {@code true} when the line lies inside a section
	 */
	public boolean inSection() {
		return this.section >= 0;
	}

}
