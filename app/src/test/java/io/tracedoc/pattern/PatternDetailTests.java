package io.tracedoc.pattern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternDetail}.
 */
class PatternDetailTests {

	@Test
	void drawsControlCharactersAsTheirSymbolsAndKeepsLinesAndTabs() {
		PatternDetail.Example example = new PatternDetail.Example(0, "raw", "match", Map.of(), "raw.log",
				"section_start:1:x\r\u001b[0K\u001b[36;1mHeader\u001b[0m\n\tindented\u0000\u007f\n");
		assertThat(example.visibleLog())
			.isEqualTo("section_start:1:x\u240d\u241b[0K\u241b[36;1mHeader\u241b[0m\n" + "\tindented\u2400\u2421\n");
	}

	@Test
	void keepsTheTemplatesOfAPatternAsWritten() {
		PatternDetail detail = PatternDetail.of(PatternLoader.loadBundled().find("k8s-rbac-forbidden").orElseThrow());
		assertThat(detail.summary().summary()).contains("{{user}} may not {{verb}} {{resource}}");
		assertThat(detail.fix()).extracting(PatternDetail.Fix::content)
			.anySatisfy((content) -> assertThat(content).contains("namespace: {{namespace}}"));
		assertThat(detail.confirm()).extracting(PatternDetail.Probe::with)
			.anySatisfy((with) -> assertThat(with).containsEntry("verb", "{{verb}}"));
		assertThat(detail.examples()).extracting(PatternDetail.Example::index).startsWith(0, 1, 2, 3);
	}

}
