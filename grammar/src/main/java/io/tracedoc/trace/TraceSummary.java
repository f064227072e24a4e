package io.tracedoc.trace;

import java.util.List;

/**
 * Everything the parser learns about a job log apart from the lines themselves: what the
 * streaming API returns after the last line.
 *
 * @param format the shape the log came in
 * @param runner facts about the runner and the build pod
 * @param sections every section, in order of appearance
 * @param commands every echoed {@code $ command}
 * @param outcome how the job ended
 * @param finalStatus the runner's final status line, or {@code null}
 * @param failingSection id of the section the job failed in (the stage whose error ended
 * the job), or -1
 * @param truncation the output-limit notice, or {@code null}
 * @param startsMidway {@code true} when the log does not begin with the runner's
 * {@code Running with} header
 * @param endsMidway {@code true} when the log ends without a final status line or
 * truncation notice
 * @param bytes bytes read
 * @param lineCount lines in the model (empty lines are not lines, as on the job page)
 * @param clippedLines lines longer than {@link TraceParser#MAX_LINE_BYTES} whose end was
 * not kept
 * @param replacedCharacters U+FFFD replacement characters in the text: invalid UTF-8
 * shows up here
 */
public record TraceSummary(TraceFormat format, RunnerInfo runner, List<TraceSection> sections,
		List<CommandEcho> commands, Outcome outcome, FinalStatus finalStatus, int failingSection, Truncation truncation,
		boolean startsMidway, boolean endsMidway, long bytes, int lineCount, int clippedLines,
		long replacedCharacters) {

	public TraceSummary {
		sections = List.copyOf(sections);
		commands = List.copyOf(commands);
	}

	/**
	 * @return {@code true} when the log is a piece of a job log rather than all of it
	 */
	public boolean fragment() {
		return this.startsMidway || this.endsMidway;
	}

	/**
	 * @param id a section id
	 * @return the section, or {@code null} for -1
	 */
	public TraceSection section(int id) {
		return (id >= 0 && id < this.sections.size()) ? this.sections.get(id) : null;
	}

	/**
	 * @return the section the job failed in, or {@code null}
	 */
	public TraceSection failing() {
		return section(this.failingSection);
	}

	/**
	 * @param id a section id
	 * @return the top-level section that contains it (itself when it is top-level), or
	 * {@code null} for -1
	 */
	public TraceSection stageOf(int id) {
		TraceSection section = section(id);
		while (section != null && section.parent() >= 0) {
			section = section(section.parent());
		}
		return section;
	}

}
