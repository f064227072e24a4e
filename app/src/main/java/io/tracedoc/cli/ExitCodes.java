package io.tracedoc.cli;

/**
 * Exit codes shared by every command.
 */
final class ExitCodes {

	/** The command did its work (a diagnosis was made, even "unknown"). */
	static final int DONE = 0;

	/** An input could not be read, or the arguments were wrong. */
	static final int UNREADABLE_INPUT = 2;

	private ExitCodes() {
	}

}
