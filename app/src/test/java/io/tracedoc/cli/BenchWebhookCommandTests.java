package io.tracedoc.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BenchWebhookCommand}: the shape of its report, never its numbers.
 */
class BenchWebhookCommandTests {

	@TempDir
	Path directory;

	@Test
	void reportsEventsPerSecondReadAcceptedAndRedelivered() {
		CliRun run = CliRun.of("bench", "webhook", "--events", "50", "--directory", this.directory.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		String rate = ": 50 events in [\\d.]+ s = \\d+ events/s";
		assertThat(run.out().lines())
			.anyMatch((line) -> line.matches("tracedoc bench webhook: 50 distinct failed-job events .*"))
			.anyMatch((line) -> line.matches("reading only \\(gitlab4j event classes\\)" + rate))
			.anyMatch((line) -> line.matches("accepting: reading \\+ durable queue file before the 202" + rate))
			.anyMatch((line) -> line.matches("redelivered: reading \\+ duplicate lookup, nothing written" + rate))
			.anyMatch((line) -> line.matches("accepting, 8 deliveries at once .*" + rate))
			.anyMatch((line) -> line.matches(
					"the durable write costs -?[\\d.]+ ms per event one at a time: .* 8 at once accept [\\d.]+x as many per second"));
		assertThat(this.directory.resolve("queue")).doesNotExist();
	}

	@Test
	void refusesNoEvents() {
		CliRun run = CliRun.of("bench", "webhook", "--events", "0");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--events must be at least 1");
	}

}
