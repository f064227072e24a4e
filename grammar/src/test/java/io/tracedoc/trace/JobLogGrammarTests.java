package io.tracedoc.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests for {@link TraceParser}, grammars-v4 style: every {@code examples/*.log}
 * is parsed and its model compared with the JSON beside it ({@code <name>.log.json}). Run
 * with {@code UPDATE_GOLDEN=true} to rewrite the expected JSON deliberately; the diff
 * then shows what changed.
 */
class JobLogGrammarTests {

	private static final Path EXAMPLES = Path
		.of(System.getProperty("tracedoc.examples", "src/test/resources/examples"));

	@TestFactory
	Stream<DynamicTest> everyExampleParsesToItsGoldenModel() throws IOException {
		boolean update = Boolean.parseBoolean(System.getenv("UPDATE_GOLDEN"));
		return examples().map((log) -> DynamicTest.dynamicTest(log.getFileName().toString(), () -> {
			String actual = TraceJson.toJson(TraceParser.parse(log)) + "\n";
			Path golden = log.resolveSibling(log.getFileName() + ".json");
			if (update) {
				Files.writeString(golden, actual, StandardCharsets.UTF_8);
			}
			assertThat(golden).as("golden model beside %s (create it with UPDATE_GOLDEN=true)", log.getFileName())
				.exists();
			assertThat(actual).as("model of %s (UPDATE_GOLDEN=true rewrites it)", log.getFileName())
				.isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
		}));
	}

	@TestFactory
	Stream<DynamicTest> shortcutForPlainLinesGivesTheSameModelAsTheLexer() throws IOException {
		return examples().map((log) -> DynamicTest.dynamicTest(log.getFileName().toString(), () -> {
			byte[] bytes = Files.readAllBytes(log);
			JobTrace lexed = TraceParsing.parseAlwaysLexing(bytes);
			assertThat(TraceParser.parse(bytes)).isEqualTo(lexed);
		}));
	}

	static Stream<Path> examples() throws IOException {
		return Files.list(EXAMPLES).filter((path) -> path.toString().endsWith(".log")).sorted();
	}

}
