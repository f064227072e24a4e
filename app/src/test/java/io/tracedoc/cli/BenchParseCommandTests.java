package io.tracedoc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BenchParseCommand}: the shape of its report, never its numbers.
 */
class BenchParseCommandTests {

	private static final String NUMBER = "\\d+\\.\\d";

	@TempDir
	Path directory;

	@Test
	void reportsMegabytesPerSecondAndPeakHeapOfEachWayToParse() throws IOException {
		Path seeds = Files.createDirectory(this.directory.resolve("examples"));
		Files.writeString(seeds.resolve("seed-tiny.log"),
				"\u001B[0KRunning with gitlab-runner 17.11.1 (96856197)\u001B[0;m\nERROR: Job failed: exit code 1\n");
		Files.writeString(seeds.resolve("not-a-seed.log"), "ignored\n");
		CliRun run = CliRun.of("bench", "parse", "--size-mb", "1", "--warmup", "0", "--iterations", "1", "--seeds",
				seeds.toString());
		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.out().lines()).contains("throughput on the synthetic trace")
			.anyMatch((line) -> line
				.matches("synthetic trace  1\\.0 MB raw Kubernetes trace \\(SyntheticTrace, seed 42\\), [\\d,]+ lines"))
			.anyMatch((line) -> line.matches("  stream \\(lines not kept\\) +" + NUMBER + " MB/s"))
			.anyMatch((line) -> line.matches("  parse \\(whole model\\) +" + NUMBER + " MB/s"))
			.anyMatch((line) -> line.matches("  stream, lexing every line +" + NUMBER + " MB/s"))
			.anyMatch((line) -> line.matches("  shortcut for plain lines vs lexing every line: \\d+\\.\\d\\dx"))
			.anyMatch((line) -> line.startsWith("peak heap on the synthetic trace"))
			.anyMatch((line) -> line.matches("  stream \\(lines not kept\\) +" + NUMBER + " MB"))
			.anyMatch((line) -> line.matches("  parse \\(whole model\\) +" + NUMBER + " MB"))
			.anyMatch((line) -> line
				.matches("  seed-tiny\\.log +\\d+ +" + NUMBER + " +" + NUMBER + " +" + NUMBER + " +\\d+\\.\\d\\dx"))
			.noneMatch((line) -> line.contains("not-a-seed.log"))
			.noneMatch((line) -> line.startsWith("seed logs: none measured"));
	}

	@Test
	void saysWhenTheSeedLogsAreNotThere() {
		Path missing = this.directory.resolve("missing");
		CliRun run = CliRun.of("bench", "parse", "--size-mb", "1", "--warmup", "0", "--iterations", "1", "--seeds",
				missing.toString());
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("seed logs: none measured, " + missing.toAbsolutePath()
				+ " does not exist (run from the repository root, or pass --seeds DIR)");
	}

	@Test
	void refusesRoundsThatMeasureNothing() {
		CliRun run = CliRun.of("bench", "parse", "--iterations", "0");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--size-mb and --iterations must be at least 1, --warmup at least 0");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void asksForABenchmarkWhenNoneIsNamed() {
		CliRun run = CliRun.of("bench");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("tracedoc: name a benchmark, for example: tracedoc bench parse");
	}

}
