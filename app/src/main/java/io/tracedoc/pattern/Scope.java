package io.tracedoc.pattern;

import java.util.List;

/**
 * Where a line must be for a condition to count.
 *
 * @param kind the kind of scope
 * @param sections the section names, for {@link Kind#SECTIONS}
 */
public record Scope(Kind kind, List<String> sections) {

	/** In a list of sections, stands for the final error line beside them. */
	public static final String FINAL_ERROR_NAME = "final-error";

	/** Any line of the log. */
	public static final Scope ANY = new Scope(Kind.ANY, List.of());

	/** The lines of the stage the job failed in, and the final error line. */
	public static final Scope FAILING_SECTION = new Scope(Kind.FAILING_SECTION, List.of());

	/**
	 * Only the runner's final {@code ERROR: Job failed} line, joined when a copy wrapped
	 * it.
	 */
	public static final Scope FINAL_ERROR = new Scope(Kind.FINAL_ERROR, List.of());

	/**
	 * Lines outside the job's own script stages ({@code step_*}, {@code after_script}),
	 * the final error included: where the runner's own errors appear, as opposed to the
	 * output of a {@code kubectl} or {@code git} the job runs itself.
	 */
	public static final Scope OUTSIDE_SCRIPT = new Scope(Kind.OUTSIDE_SCRIPT, List.of());

	/**
	 * Lines the runner wrote itself, in any stage: in a timestamped trace the stream says
	 * so ({@code 00}), which tells the runner's cluster events printed inside a failed
	 * script stage from the job's own output quoting the same words; without timestamps
	 * nothing tells them apart, so every line is admitted.
	 */
	public static final Scope RUNNER_LINES = new Scope(Kind.RUNNER_LINES, List.of());

	/**
	 * The output of the last command the log echoes ({@code $ ...}) in the stage the job
	 * failed in, up to the final line: what the failing command printed, as opposed to an
	 * earlier command that went on.
	 */
	public static final Scope COMMAND_OUTPUT = new Scope(Kind.COMMAND_OUTPUT, List.of());

	/**
	 * The last lines of a log that stops without the runner's final status: where a
	 * pasted log or a log still running stopped tells what the job was doing.
	 */
	public static final Scope LOG_END = new Scope(Kind.LOG_END, List.of());

	public Scope {
		sections = List.copyOf(sections);
	}

	/**
	 * @param names section names
	 * @return a scope of the lines inside those sections
	 */
	public static Scope sections(List<String> names) {
		return new Scope(Kind.SECTIONS, names);
	}

	/**
	 * @return {@code true} when the runner's final error line is in scope; for a list of
	 * sections, when the list names {@code final-error} beside the sections
	 */
	public boolean admitsFinalError() {
		return switch (this.kind) {
			case ANY, FAILING_SECTION, FINAL_ERROR, OUTSIDE_SCRIPT, RUNNER_LINES -> true;
			case COMMAND_OUTPUT, LOG_END -> false;
			case SECTIONS -> this.sections.contains(FINAL_ERROR_NAME);
		};
	}

	/** The kinds of scope. */
	public enum Kind {

		ANY, FAILING_SECTION, FINAL_ERROR, OUTSIDE_SCRIPT, RUNNER_LINES, COMMAND_OUTPUT, LOG_END, SECTIONS

	}

}
