package io.tracedoc.pattern;

import java.util.stream.Stream;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.pattern.FailurePattern.PatternExample;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every example of every pattern in the library as a test, with the whole library
 * applied, so an example also proves how the pattern ranks against the others:
 * {@code match} means the pattern is among the findings (with the expected captures),
 * {@code no-match} that it is not. {@code todo-*} examples record known gaps: they are
 * reported, never fail, and fail once the gap is closed so the author promotes them.
 */
class PatternExamplesTests {

	private static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(CATALOG);

	@TestFactory
	Stream<DynamicContainer> everyExampleOfEveryPatternHolds() {
		return CATALOG.patterns()
			.stream()
			.map((pattern) -> DynamicContainer.dynamicContainer(pattern.id(),
					pattern.examples().stream().map((example) -> test(pattern, example))));
	}

	private static DynamicTest test(FailurePattern pattern, PatternExample example) {
		return DynamicTest.dynamicTest(pattern.id() + " › " + example.name(), () -> {
			Diagnosis diagnosis = ENGINE.diagnose(example.log());
			Finding finding = diagnosis.findings()
				.stream()
				.filter((candidate) -> candidate.pattern().equals(pattern.id()))
				.findFirst()
				.orElse(null);
			boolean matched = finding != null;
			if (example.expect().todo()) {
				Assumptions.assumeTrue(matched == example.expect().wantsMatch(),
						"known gap (" + example.expect() + "), still open");
				throw new AssertionError(
						"the gap this " + example.expect() + " example records is closed: change it to "
								+ (example.expect().wantsMatch() ? "match" : "no-match"));
			}
			if (example.expect().wantsMatch()) {
				assertThat(matched)
					.as("%s should be a finding; got %s, ruled out %s", pattern.id(),
							diagnosis.findings().stream().map(Finding::pattern).toList(),
							diagnosis.ruledOut().stream().map((r) -> r.pattern() + ": " + r.reason()).toList())
					.isTrue();
				assertThat(finding.captures()).as("captures of %s", pattern.id())
					.containsAllEntriesOf(example.captures());
			}
			else {
				assertThat(matched)
					.as("%s should stay quiet; it matched with evidence %s", pattern.id(),
							matched ? finding.evidence() : null)
					.isFalse();
			}
		});
	}

}
