package io.tracedoc.diagnosis;

import java.util.List;

/**
 * A stretch of a stored log as the log viewer shows it: the web page renders it, and the
 * viewer fetches the next one as JSON ({@code GET /api/v1/diagnoses/{id}/log}), so a long
 * log is never loaded whole. Log text is only ever in {@link Span#text()}, which pages
 * escape; every class is computed by tracedoc.
 *
 * @param fromIndex the index (0-based, in log order) of the first row
 * @param totalLines how many lines the stored log has
 * @param pageLines how many lines a window holds at most
 * @param rows the lines, in order
 */
public record LogWindow(int fromIndex, int totalLines, int pageLines, List<Row> rows) {

	public LogWindow {
		rows = List.copyOf(rows);
	}

	/**
	 * @return the index after the last row
	 */
	public int toIndex() {
		return this.fromIndex + this.rows.size();
	}

	/**
	 * @return {@code true} when lines come before this window
	 */
	public boolean hasPrevious() {
		return this.fromIndex > 0;
	}

	/**
	 * @return {@code true} when lines come after this window
	 */
	public boolean hasNext() {
		return toIndex() < this.totalLines;
	}

	/**
	 * @return where the window before this one starts
	 */
	public int previousFrom() {
		return Math.max(0, this.fromIndex - this.pageLines);
	}

	/**
	 * @return where the last window of the log starts
	 */
	public int lastFrom() {
		return Math.max(0, this.totalLines - this.pageLines);
	}

	/**
	 * @param number a line number as the job page shows it
	 * @return {@code true} when the line is in this window
	 */
	public boolean shows(int number) {
		return !this.rows.isEmpty() && number >= this.rows.get(0).number()
				&& number <= this.rows.get(this.rows.size() - 1).number();
	}

	/**
	 * @param number a line number as the job page shows it
	 * @return a link to the line: within the page when this window shows it, else to the
	 * window of the page that does
	 */
	public String linkTo(int number) {
		return (shows(number) ? "" : "?line=" + number) + "#L" + number;
	}

	/**
	 * One line of the log.
	 *
	 * @param index its index in the log (0-based)
	 * @param number its number as the job page shows it
	 * @param sections the ids of the sections it lies in, outermost first
	 * @param header the section this line heads (its first line, the one that collapses
	 * it), or {@code null}
	 * @param evidence {@code true} when the diagnosis cites the line
	 * @param spans its text in stretches of one style
	 */
	public record Row(int index, int number, List<Integer> sections, Header header, boolean evidence,
			List<Span> spans) {

		public Row {
			sections = List.copyOf(sections);
			spans = List.copyOf(spans);
		}

	}

	/**
	 * The section a line heads.
	 *
	 * @param section the section's id
	 * @param name its marker name ({@code get_sources})
	 * @param duration how long it took ({@code 02:40}), or {@code null} when unknown or
	 * hidden by {@code hide_duration}
	 * @param collapsed {@code true} when the job asked for it collapsed
	 * ({@code collapsed=true})
	 */
	public record Header(int section, String name, String duration, boolean collapsed) {

	}

	/**
	 * A stretch of a line in one style.
	 *
	 * @param text the text, redacted, to be escaped by whoever shows it
	 * @param classes CSS classes from {@link TerminalClasses}, empty for the default
	 * style
	 */
	public record Span(String text, String classes) {

	}

}
