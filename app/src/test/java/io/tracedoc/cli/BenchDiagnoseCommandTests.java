package io.tracedoc.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BenchDiagnoseCommand}: the shape of its report, never its numbers.
 */
class BenchDiagnoseCommandTests {

	private static final String RATE = " +\\d+\\.\\d+ MB/s.*";

	@Test
	void reportsTracedocAgainstTheNaiveEngineAndHowItScales() {
		CliRun run = CliRun.of("bench", "diagnose", "--size-mb", "1", "--naive-size-mb", "0.05", "--iterations", "1",
				"--pattern-counts", "200,210");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out().lines())
			.anyMatch((line) -> line.startsWith("tracedoc bench diagnose: 1 MB synthetic Kubernetes job trace"))
			.anyMatch((line) -> line.matches("library: \\d+ patterns; prefilter: \\d+ literals for \\d+ tests; .*"))
			.anyMatch((line) -> line.matches("  parse only \\(TraceParser.stream\\)" + RATE))
			.anyMatch((line) -> line.matches("  parse \\+ diagnose, \\d+ patterns \\(tracedoc\\)" + RATE))
			.anyMatch((line) -> line
				.matches("  naive: \\d+ java.util.regex on every line" + RATE + "tracedoc is [\\d.]+x faster"))
			.anyMatch((line) -> line.matches("  ripgrep -f, the same \\d+ regexes \\(scan only\\)" + RATE)
					|| line.startsWith("ripgrep: not installed (apt-get install ripgrep), comparison skipped"))
			.anyMatch((line) -> line
				.matches("peak heap of parse \\+ diagnose, beyond the 1 MB input held in memory: -?\\d+ MB"))
			.anyMatch((line) -> line.matches("  tracedoc, 210 patterns" + RATE))
			.anyMatch((line) -> line.matches("  naive, 210 patterns" + RATE))
			.anyMatch((line) -> line
				.matches("from 200 to 210 patterns: tracedoc keeps \\d+% of its throughput, the naive engine \\d+%"));
	}

	@Test
	void refusesAScalingWithOneSize() {
		CliRun run = CliRun.of("bench", "diagnose", "--pattern-counts", "100");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--pattern-counts needs two sizes");
	}

}
