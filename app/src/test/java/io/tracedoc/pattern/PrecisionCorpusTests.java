package io.tracedoc.pattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precision guard: on logs of jobs that succeeded or failed for reasons of their own
 * ({@code corpus/quiet/}), every pattern stays quiet, except for the categories each log
 * lists in {@code expected.yaml} (a failed test run is a {@code script-failure}, and
 * nothing else).
 */
class PrecisionCorpusTests {

	private static final Path CORPUS = Path.of("src/test/resources/corpus/quiet");

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(PatternLoader.loadBundled());

	@TestFactory
	Stream<DynamicTest> everyPatternStaysQuietOnTheCorpus() throws IOException {
		Map<String, List<String>> expected = expected();
		return expected.entrySet().stream().map((entry) -> DynamicTest.dynamicTest(entry.getKey(), () -> {
			Diagnosis diagnosis = ENGINE.diagnose(Files.readAllBytes(CORPUS.resolve(entry.getKey())));
			List<String> unexpected = diagnosis.findings()
				.stream()
				.filter((finding) -> !entry.getValue().contains(finding.category().id()))
				.map((finding) -> finding.pattern() + " (" + finding.category().id() + ") on line "
						+ finding.evidence().get(0).line() + ": " + finding.evidence().get(0).text())
				.toList();
			assertThat(unexpected).as("findings on %s", entry.getKey()).isEmpty();
		}));
	}

	@Test
	void everyCorpusLogIsListedWithItsAllowedCategories() throws IOException {
		List<String> logs = new ArrayList<>();
		try (Stream<Path> files = Files.list(CORPUS)) {
			files.map((path) -> path.getFileName().toString())
				.filter((name) -> name.endsWith(".log"))
				.forEach(logs::add);
		}
		assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(logs);
	}

	@Test
	void findsTheScriptFailureOnAFailedTestRunAndNothingOnASucceededBuild() throws IOException {
		Diagnosis failed = ENGINE.diagnose(Files.readAllBytes(CORPUS.resolve("npm-test-failed.log")));
		assertThat(failed.findings()).extracting(Finding::pattern).containsExactly("script-exit-code");
		Diagnosis succeeded = ENGINE.diagnose(Files.readAllBytes(CORPUS.resolve("maven-build-succeeded.log")));
		assertThat(succeeded.findings()).isEmpty();
		assertThat(succeeded.category()).isEqualTo(Category.JOB_SUCCEEDED);
	}

	private static Map<String, List<String>> expected() throws IOException {
		JsonNode root = YAMLMapper.builder().build().readTree(Files.readAllBytes(CORPUS.resolve("expected.yaml")));
		Map<String, List<String>> expected = new java.util.TreeMap<>();
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			List<String> categories = new ArrayList<>();
			entry.getValue().forEach((category) -> categories.add(category.asString()));
			expected.put(entry.getKey(), categories);
		}
		return expected;
	}

}
