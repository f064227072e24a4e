package io.tracedoc.diagnosis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.tracedoc.pattern.Category;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the taxonomy quotes is diagnosed as the category that quotes it, both as
 * the runner prints it in its final line and pasted alone.
 */
class TaxonomyMessagesTests {

	private static final Path TAXONOMY = Path.of("../patterns/taxonomy.md");

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(PatternLoader.loadBundled());

	/**
	 * A quoted phrase of a taxonomy row, with the words around it up to a comma or
	 * parenthesis.
	 */
	private static final Pattern QUOTED = Pattern.compile("[^,(:]*\"[^\"]+\"[^,)]*");

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (.*) \\|$");

	/**
	 * The taxonomy's quoted phrase → the runner's wording of it, as a final line prints
	 * it.
	 */
	private static final Map<String, String> RUNNER_WORDING = Map.of(
			"\"no configuration has been provided, try setting KUBERNETES_MASTER\"",
			"ERROR: Preparation failed: getting Kubernetes config: invalid configuration: no configuration has been "
					+ "provided, try setting KUBERNETES_MASTER environment variable",
			"container \"helper\" not found",
			"ERROR: Job failed (system failure): prepare environment: unable to upgrade connection: container not "
					+ "found (\"helper\")");

	@Test
	void knowsTheRunnerWordingOfEveryMessageTheTaxonomyQuotes() throws IOException {
		assertThat(quoted().keySet()).containsExactlyInAnyOrderElementsOf(RUNNER_WORDING.keySet());
	}

	@TestFactory
	Stream<DynamicTest> diagnosesEveryQuotedMessageAsItsCategory() throws IOException {
		return quoted().entrySet().stream().flatMap((quote) -> {
			String finalLine = RUNNER_WORDING.getOrDefault(quote.getKey(), quote.getKey());
			String bare = quote.getKey().replace("\"", "").strip();
			return Stream.of(DynamicTest.dynamicTest(quote.getValue().id() + " in the final line", () -> {
				Diagnosis diagnosis = ENGINE
					.diagnose(("Running with gitlab-runner 17.4.0 (b92ee590)\n" + finalLine + "\n")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				assertThat(diagnosis.category()).isEqualTo(quote.getValue());
			}), DynamicTest.dynamicTest(quote.getValue().id() + " pasted alone", () -> {
				String pasted = finalLine.substring(finalLine.indexOf(": ") + 2);
				Diagnosis diagnosis = ENGINE
					.diagnose((pasted + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
				assertThat(diagnosis.category()).as("%s (%s)", pasted, bare).isEqualTo(quote.getValue());
			}));
		});
	}

	private static Map<String, Category> quoted() throws IOException {
		Map<String, Category> quoted = new java.util.LinkedHashMap<>();
		for (String line : Files.readAllLines(TAXONOMY)) {
			Matcher row = ROW.matcher(line);
			if (!row.matches()) {
				continue;
			}
			Category category = Category.fromId(row.group(1)).orElseThrow();
			Matcher quote = QUOTED.matcher(row.group(2));
			Set<String> phrases = new LinkedHashSet<>();
			while (quote.find()) {
				phrases.add(quote.group().strip());
			}
			phrases.forEach((phrase) -> quoted.put(phrase, category));
		}
		return quoted;
	}

}
