package io.tracedoc.trace;

/**
 * The runner's notice that the log hit {@code output_limit}; nothing after it was kept
 * ({@code helpers/trace/buffer.go}).
 *
 * @param line the line number of {@code Job's log exceeded limit of N bytes.}
 * @param limitBytes the limit the notice names
 */
public record Truncation(int line, long limitBytes) {

}
