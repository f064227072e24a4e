package io.tracedoc.trace;

/**
 * Receives a trace as it is parsed, so that a caller can work through a 100 MB log
 * without keeping it. Events arrive in log order: a section starts before its first line
 * and ends after its last.
 */
public interface TraceListener {

	/**
	 * @param line the next line
	 */
	default void onLine(TraceLine line) {
	}

	/**
	 * Follows {@link #onLine} for a line that is the job script's echo of the command it
	 * runs next.
	 * @param command the command and the line it was echoed on
	 */
	default void onCommand(CommandEcho command) {
	}

	/**
	 * @param section the section as far as it is known when it opens (see
	 * {@link TraceSection})
	 */
	default void onSectionStart(TraceSection section) {
	}

	/**
	 * @param section the finished section
	 */
	default void onSectionEnd(TraceSection section) {
	}

}
