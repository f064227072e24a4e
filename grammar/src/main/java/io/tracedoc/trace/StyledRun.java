package io.tracedoc.trace;

/**
 * A stretch of a line's text drawn in one non-default style.
 *
 * @param from index of the first character, inclusive
 * @param to index after the last character
 * @param style how the stretch is drawn
 */
public record StyledRun(int from, int to, TextStyle style) {

}
