package io.tracedoc.trace;

import java.time.Instant;

/**
 * A collapsible section of the log: a runner stage such as {@code get_sources}, a script
 * step under {@code FF_SCRIPT_SECTIONS}, or a section the job printed itself.
 *
 * <p>
 * While a trace streams, {@link TraceListener#onSectionStart} receives the section as far
 * as it is known then: {@code title}, {@code end}, {@code durationSeconds} are
 * {@code null} and {@code lastLine} is -1.
 *
 * @param id index of this section in {@link TraceSummary#sections()}
 * @param name the marker name ({@code prepare_script}), or the runner's name for a
 * recognised header in a copy without markers
 * @param title the header text shown in the UI ({@code Preparing environment}), or
 * {@code null}
 * @param parent id of the enclosing section, or -1
 * @param depth 0 for a top-level section
 * @param start marker time, or {@code null} when the log has no markers
 * @param end marker time of {@code section_end}, or {@code null}
 * @param durationSeconds seconds between the markers, or the duration badge of a web-UI
 * copy, or {@code null}
 * @param collapsed the {@code collapsed=true} option
 * @param hideDuration the {@code hide_duration=true} option
 * @param firstLine number of the first line inside the section, or -1 when it has none
 * @param lastLine number of the last line inside the section, or -1 when it has none
 * @param unclosed {@code true} when the log never closed it (truncated, canceled,
 * fragment or hostile)
 * @param inferred {@code true} when the section comes from a recognised header, not from
 * a marker
 */
public record TraceSection(int id, String name, String title, int parent, int depth, Instant start, Instant end,
		Long durationSeconds, boolean collapsed, boolean hideDuration, int firstLine, int lastLine, boolean unclosed,
		boolean inferred) {

	/**
	 * @return {@code true} for a section at the top of the tree, which for runner output
	 * is a stage
	 */
	public boolean topLevel() {
		return this.parent < 0;
	}

	/**
	 * @param stage a stage's name
	 * @return {@code true} for a stage the runner runs before the job's own script
	 * (preparing, fetching sources, restoring cache and artifacts)
	 */
	public static boolean beforeScript(String stage) {
		return KnownStages.PROLOGUE.contains(stage);
	}

	/**
	 * @return {@code true} for a stage the runner runs only once the job's script
	 * succeeded (saving the cache and uploading the artifacts "for successful job")
	 */
	public boolean afterSuccessfulScript() {
		return KnownStages.AFTER_SUCCESS.contains(this.name);
	}

	/**
	 * @return {@code true} for a stage the runner still runs after an earlier one failed
	 * (after_script, the uploads on failure, cleanup): where a job seldom fails
	 */
	public boolean epilogue() {
		return KnownStages.EPILOGUE.contains(this.name);
	}

	/**
	 * @param number a line number
	 * @return {@code true} when the line lies inside this section or one nested in it
	 */
	public boolean contains(int number) {
		return this.firstLine >= 0 && number >= this.firstLine && number <= this.lastLine;
	}

}
