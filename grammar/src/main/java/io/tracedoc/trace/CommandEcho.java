package io.tracedoc.trace;

/**
 * A {@code $ command} line the job script echoed before running the command.
 *
 * @param line the line number of the echo
 * @param command the command text after {@code $ }
 * @param section id of the innermost section the command ran in, or -1
 */
public record CommandEcho(int line, String command, int section) {

}
