package io.tracedoc.diagnosis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;

import io.tracedoc.system.WebUiProperties;
import io.tracedoc.trace.StyledRun;
import io.tracedoc.trace.TextStyle;
import io.tracedoc.trace.TraceLine;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogViewer} and the {@link LogWindow}s it cuts from a stored log.
 */
class LogViewerTests {

	private final DiagnosisService diagnoses = TestDiagnoses.service(1_000_000);

	private final LogViewer viewer = new LogViewer(this.diagnoses, new WebUiProperties(DataSize.ofMegabytes(1), 10));

	@Test
	void cutsALineAtItsStyleChangesAndKeepsEveryCharacter() {
		TextStyle green = TextStyle.DEFAULT.apply("32;1");
		TraceLine line = new TraceLine(1, "$ make test && echo ok", -1, null, null,
				List.of(new StyledRun(0, 11, green), new StyledRun(15, 22, TextStyle.DEFAULT.apply("31"))));
		assertThat(LogViewer.spans(line)).containsExactly(new LogWindow.Span("$ make test", "t-fg-2 t-bold"),
				new LogWindow.Span(" && ", ""), new LogWindow.Span("echo ok", "t-fg-1"));
	}

	@Test
	void keepsRunsThatOverreachTheTextWithinIt() {
		TraceLine line = new TraceLine(1, "short", -1, null, null,
				List.of(new StyledRun(3, 99, TextStyle.DEFAULT.apply("33")), new StyledRun(50, 60, TextStyle.DEFAULT)));
		assertThat(LogViewer.spans(line)).containsExactly(new LogWindow.Span("sho", ""),
				new LogWindow.Span("rt", "t-fg-3"));
	}

	@Test
	void givesAPlainLineOneUnstyledSpan() {
		assertThat(LogViewer.spans(new TraceLine(4, "plain <b>text</b>", -1, null, null, List.of())))
			.containsExactly(new LogWindow.Span("plain <b>text</b>", ""));
	}

	@Test
	void marksSectionHeadersWithTheirDurationAndCollapsedOption() throws IOException {
		String id = store("k8s-17-user-sections-collapsed.log");
		LogWindow window = this.viewer.window(id, 15, null, 20, Set.of()).orElseThrow();
		LogWindow.Row deps = row(window, 20);
		assertThat(deps.header()).isEqualTo(new LogWindow.Header(4, "deps", "00:05", true));
		assertThat(deps.sections()).containsExactly(3, 4);
		LogWindow.Row verify = row(window, 27);
		assertThat(verify.header()).isEqualTo(new LogWindow.Header(5, "deps.verify", null, true));
		assertThat(row(window, 28).sections()).containsExactly(3, 4, 5);
		assertThat(row(window, 28).header()).isNull();
		assertThat(row(window, 33).sections()).containsExactly(3);
		assertThat(row(window, 18).header()).isEqualTo(new LogWindow.Header(3, "step_script", "00:14", false));
	}

	@Test
	void marksTheLinesTheDiagnosisCites() throws IOException {
		StoredDiagnosis stored = this.diagnoses.diagnose(
				new ByteArrayInputStream(TestDiagnoses.example("seed-000-secrets-forbidden-ui-copy.log")),
				JobContext.of(JobContext.Source.PASTE));
		Set<Integer> cited = LogViewer.citedLines(stored.diagnosis());
		assertThat(cited).contains(9);
		LogWindow window = this.viewer.window(stored.id(), null, null, null, cited).orElseThrow();
		assertThat(window.rows()).filteredOn(LogWindow.Row::evidence)
			.extracting(LogWindow.Row::number)
			.containsExactlyInAnyOrderElementsOf(cited);
		assertThat(window.rows()).filteredOn((row) -> !row.evidence())
			.extracting(LogWindow.Row::number)
			.doesNotContainAnyElementsOf(cited)
			.isNotEmpty();
	}

	@Test
	void pagesThroughALongLog() throws IOException {
		String id = store("k8s-17-user-sections-collapsed.log");
		LogWindow first = this.viewer.window(id, null, null, null, Set.of()).orElseThrow();
		assertThat(first.rows()).extracting(LogWindow.Row::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
		assertThat(first.totalLines()).isEqualTo(37);
		assertThat(first.hasPrevious()).isFalse();
		assertThat(first.hasNext()).isTrue();
		LogWindow last = this.viewer.window(id, 30, null, null, Set.of()).orElseThrow();
		assertThat(last.rows()).hasSize(7);
		assertThat(last.hasNext()).isFalse();
		assertThat(last.previousFrom()).isEqualTo(20);
		assertThat(last.lastFrom()).isEqualTo(27);
	}

	@Test
	void showsTheLastPageForAStartBeyondTheEnd() throws IOException {
		String id = store("k8s-17-user-sections-collapsed.log");
		LogWindow window = this.viewer.window(id, 5_000, null, null, Set.of()).orElseThrow();
		assertThat(window.fromIndex()).isEqualTo(27);
		assertThat(window.rows()).hasSize(10);
	}

	@Test
	void opensThePageThatHoldsALineNumber() throws IOException {
		String id = store("k8s-17-user-sections-collapsed.log");
		LogWindow window = this.viewer.window(id, 0, 28, null, Set.of()).orElseThrow();
		assertThat(window.fromIndex()).isEqualTo(20);
		assertThat(window.shows(28)).isTrue();
		assertThat(window.linkTo(28)).isEqualTo("#L28");
		assertThat(window.linkTo(3)).isEqualTo("?line=3#L3");
	}

	@Test
	void findsLineNumbersInACopyThatSkipsSome() throws IOException {
		String id = store("seed-000-secrets-forbidden-ui-copy.log");
		LogViewer small = new LogViewer(this.diagnoses, new WebUiProperties(DataSize.ofMegabytes(1), 10));
		assertThat(small.window(id, null, 9, 2, Set.of()).orElseThrow().rows()).extracting(LogWindow.Row::number)
			.containsExactly(9);
		assertThat(small.window(id, null, 6, 2, Set.of()).orElseThrow().rows()).extracting(LogWindow.Row::number)
			.containsExactly(5, 7);
	}

	@Test
	void boundsHowManyLinesOneRequestGets() throws IOException {
		String id = store("k8s-17-user-sections-collapsed.log");
		assertThat(this.viewer.window(id, 0, null, 3, Set.of()).orElseThrow().rows()).hasSize(3);
		assertThat(this.viewer.window(id, 0, null, 0, Set.of()).orElseThrow().rows()).hasSize(1);
		assertThat(this.viewer.window(id, 0, null, Integer.MAX_VALUE, Set.of()).orElseThrow().pageLines())
			.isEqualTo(LogViewer.MAX_COUNT);
	}

	@Test
	void findsNothingForAnUnknownId() {
		assertThat(this.viewer.window("abcdefghijkm", null, null, null, Set.of())).isEmpty();
		assertThat(this.viewer.window("../etc/passwd", null, 3, null, Set.of())).isEmpty();
	}

	@Test
	void showsLinesAroundALineByItsNumber() throws IOException {
		String id = store("k8s-17-user-sections-collapsed.log");
		DiagnosisStore.LogPage page = this.viewer.around(id, 20, 3).orElseThrow();
		assertThat(page.lines()).hasSize(7);
		assertThat(page.lines().get(3).number()).isEqualTo(20);
		DiagnosisStore.LogPage start = this.viewer.around(id, 1, 3).orElseThrow();
		assertThat(start.fromIndex()).isZero();
		assertThat(start.lines()).hasSize(4);
		assertThat(this.viewer.around("zzzzzzzzzzzz", 20, 3)).isEmpty();
	}

	private String store(String example) throws IOException {
		return this.diagnoses
			.diagnose(new ByteArrayInputStream(TestDiagnoses.example(example)), JobContext.of(JobContext.Source.PASTE))
			.id();
	}

	private static LogWindow.Row row(LogWindow window, int number) {
		return window.rows().stream().filter((row) -> row.number() == number).findFirst().orElseThrow();
	}

}
