package io.tracedoc.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JobLogLexerSimulator}: its shortcut is sound only while no lexer rule
 * tells two characters above U+007F apart.
 */
class JobLogLexerSimulatorTests {

	private static final IntervalSet ABOVE_ASCII = IntervalSet.of(0x80, Lexer.MAX_CHAR_VALUE);

	@Test
	void everyLexerTransitionTreatsAllCharactersAboveAsciiAlike() {
		List<String> distinguishing = new ArrayList<>();
		for (ATNState state : new JobLogLexer(CharStreams.fromString("")).getATN().states) {
			for (Transition transition : state.getTransitions()) {
				IntervalSet label = transition.label();
				if (label != null && !treatsAllAboveAsciiAlike(label)) {
					distinguishing.add(state + " -> " + label);
				}
			}
		}
		assertThat(distinguishing).as("transitions that tell characters above U+007F apart").isEmpty();
	}

	@Test
	void recognisesACharacterClassThatTellsCharactersAboveAsciiApart() {
		assertThat(treatsAllAboveAsciiAlike(IntervalSet.of('a', 'z'))).isTrue();
		assertThat(treatsAllAboveAsciiAlike(IntervalSet.of(0x20, Lexer.MAX_CHAR_VALUE))).isTrue();
		assertThat(treatsAllAboveAsciiAlike(IntervalSet.of('a', 0xE9))).isFalse();
		assertThat(treatsAllAboveAsciiAlike(IntervalSet.of(0x4E00, 0x9FFF))).isFalse();
	}

	@Test
	void lexesEveryExampleAndTextBeyondAsciiAsAntlrsOwnSimulatorDoes() throws IOException {
		List<String> lines = new ArrayList<>();
		try (Stream<Path> examples = JobLogGrammarTests.examples()) {
			for (Path example : examples.toList()) {
				lines.addAll(List.of(new String(Files.readAllBytes(example), StandardCharsets.UTF_8).split("\n")));
			}
		}
		lines.add("\u001B[32;1m✓ ビルド成功 🚀 构建完成\u001B[0;m section_start:1:é\r\u001B[0K\u001B]0;titre é\u0007ü");
		lines.add("\u001B[é [é ^[é #033[é section_start:1:a[é=ü]\r\u001B[0Kx");
		byte[] binary = new byte[64 * 1024];
		new Random(7).nextBytes(binary);
		lines.addAll(List.of(new String(binary, StandardCharsets.UTF_8).split("\n")));
		for (boolean escapesStripped : new boolean[] { false, true }) {
			JobLogLexer stock = lexer(escapesStripped);
			JobLogLexer cached = lexer(escapesStripped);
			cached.setInterpreter(new JobLogLexerSimulator(cached));
			for (String line : lines) {
				assertThat(tokens(cached, line)).as(line).isEqualTo(tokens(stock, line));
			}
		}
	}

	private static boolean treatsAllAboveAsciiAlike(IntervalSet label) {
		IntervalSet above = label.and(ABOVE_ASCII);
		return above.isNil() || above.equals(ABOVE_ASCII);
	}

	private static JobLogLexer lexer(boolean escapesStripped) {
		JobLogLexer lexer = new JobLogLexer(CharStreams.fromString(""));
		lexer.removeErrorListeners();
		lexer.setEscapesStripped(escapesStripped);
		return lexer;
	}

	private static List<String> tokens(JobLogLexer lexer, String line) {
		lexer.setInputStream(CharStreams.fromString(line));
		List<String> tokens = new ArrayList<>();
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			tokens.add(JobLogLexer.VOCABULARY.getSymbolicName(token.getType()) + ":" + token.getText());
		}
		return tokens;
	}

}
