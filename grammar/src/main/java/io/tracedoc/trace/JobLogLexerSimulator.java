package io.tracedoc.trace;

import java.util.IdentityHashMap;
import java.util.Map;

import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * ANTLR's lexer simulator for {@link JobLogLexer}, with one more cached transition.
 *
 * <p>
 * ANTLR caches the lexer's DFA transitions for the characters up to U+007F only; for
 * every other character it computes the transition from the ATN again, about a hundred
 * times slower, which made coloured lines of CJK text, emoji or U+FFFD-laden binary lex
 * at a few MB/s. No rule of the lexer names a character above U+007F (each treats them
 * all alike, as text or as "anything but"; {@code JobLogLexerSimulatorTests} keeps it
 * so), so the transition taken for one such character from a DFA state is the transition
 * for all of them, and one cached edge per state serves them all.
 */
final class JobLogLexerSimulator extends LexerATNSimulator {

	/** DFA states are unique in their DFA, so identity is their equality. */
	private final Map<DFAState, DFAState> aboveAscii = new IdentityHashMap<>();

	JobLogLexerSimulator(JobLogLexer lexer) {
		super(lexer, lexer.getATN(), lexer.getInterpreter().decisionToDFA,
				lexer.getInterpreter().getSharedContextCache());
	}

	@Override
	protected DFAState getExistingTargetState(DFAState state, int symbol) {
		if (symbol > MAX_DFA_EDGE) {
			return this.aboveAscii.get(state);
		}
		return super.getExistingTargetState(state, symbol);
	}

	@Override
	protected void addDFAEdge(DFAState from, int symbol, DFAState to) {
		if (symbol > MAX_DFA_EDGE) {
			this.aboveAscii.put(from, to);
			return;
		}
		super.addDFAEdge(from, symbol, to);
	}

}
