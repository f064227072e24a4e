package io.tracedoc.trace;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;

/**
 * Target-specific part of {@code JobLogLexer}: the two facts its predicates need, one
 * about the whole log (were ESC bytes stripped?) and one about the position (is this the
 * end of the line?).
 */
abstract class JobLogLexerBase extends Lexer {

	private boolean escapesStripped;

	protected JobLogLexerBase(CharStream input) {
		super(input);
	}

	/**
	 * Declares whether the log lost its ESC bytes, so that {@code [0K} and {@code [36;1m}
	 * are escape remnants rather than text.
	 * @param stripped {@code true} for an ESC-stripped log
	 */
	void setEscapesStripped(boolean stripped) {
		this.escapesStripped = stripped;
	}

	protected boolean escapesStripped() {
		return this.escapesStripped;
	}

	protected boolean atEndOfLine() {
		return this._input.LA(1) == IntStream.EOF;
	}

}
