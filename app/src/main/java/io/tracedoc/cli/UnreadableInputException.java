package io.tracedoc.cli;

/**
 * An input file the user named cannot be read; the command ends with exit code 2 and this
 * message.
 */
class UnreadableInputException extends RuntimeException {

	UnreadableInputException(String message, Throwable cause) {
		super(message, cause);
	}

}
