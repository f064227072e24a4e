package io.tracedoc.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BenchHistoryCommand}: the shape of its report, never its numbers.
 */
class BenchHistoryCommandTests {

	private static final String LATENCY = ": median \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms over 20 queries";

	@Test
	void reportsIndexingRateSizeAndQueryLatencies() {
		CliRun run = CliRun.of("bench", "history", "--count", "3000", "--templates", "40", "--queries", "20",
				"--durable-count", "5", "--log-mb", "1");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out().lines())
			.anyMatch((line) -> line.matches("tracedoc bench history: 3000 synthetic diagnoses \\(seed 42\\) over 30 "
					+ "days, replayed from 40 logs diagnosed by the engine \\(\\d+ unknown shapes\\), in .+"))
			.anyMatch((line) -> line.matches(
					"indexing, bulk import with one commit at the end: 3000 diagnoses in [\\d.]+ s = \\d+ diagnoses/s"))
			.anyMatch((line) -> line.matches("index size: [\\d.]+ MB, \\d+ bytes per diagnosis .*"))
			.anyMatch((line) -> line.matches("similar-failure query .*" + LATENCY))
			.anyMatch((line) -> line.matches("faceted stats query .*" + LATENCY))
			.anyMatch((line) -> line
				.matches("durable acknowledgements, one at a time, .*: 5 diagnoses in [\\d.]+ s = \\d+ diagnoses/s"))
			.anyMatch((line) -> line.matches("durable acknowledgements, 8 writers at once sharing commits: 5 "
					+ "diagnoses in [\\d.]+ s = \\d+ diagnoses/s"))
			.anyMatch((line) -> line.matches("a 1 MB log costs [\\d.]+ MB of index: [\\d.]+ MB per MB of log .*"));
	}

	@Test
	void refusesTooFewTemplates() {
		CliRun run = CliRun.of("bench", "history", "--templates", "3");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--templates at least 10");
	}

}
