package io.tracedoc.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.tracedoc.trace.TraceParsing.repeated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link TraceParser#stream}: it never holds the log. Surefire runs this class
 * alone (execution {@code bounded-memory} in {@code grammar/pom.xml}) in a JVM whose heap
 * is smaller than the logs streamed here, so a parser that kept them would end in
 * {@link OutOfMemoryError}, as the whole model of the same trace does.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TraceParserBoundedMemoryTests {

	private static final long MB = 1024 * 1024;

	private static final long HEAP = Runtime.getRuntime().maxMemory();

	@Test
	void runsInAHeapSmallerThanTheLogsItStreams() {
		assertThat(HEAP).as("max heap; the bounded-memory execution sets -Xmx64m").isLessThan(100 * MB);
	}

	@Test
	void streamsAHundredMegabyteTraceFromAFile(@TempDir Path directory) throws IOException {
		Path file = TraceParsing.syntheticTrace(directory, 100 * MB, 7);
		LineCounter counter = new LineCounter();
		TraceSummary summary;
		try (InputStream in = Files.newInputStream(file)) {
			summary = TraceParser.stream(in, counter);
		}
		assertThat(summary.bytes()).isEqualTo(Files.size(file)).isGreaterThan(HEAP);
		assertThat(summary.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(summary.failing().name()).isEqualTo("step_script");
		assertThat(counter.lines).isEqualTo(summary.lineCount()).isGreaterThan(500_000);
		assertThat(counter.characters).isGreaterThan(HEAP);
	}

	@Test
	void cannotHoldTheWholeModelOfTheSameTrace(@TempDir Path directory) throws IOException {
		Path file = TraceParsing.syntheticTrace(directory, 100 * MB, 7);
		assertThatThrownBy(() -> TraceParser.parse(file)).isInstanceOf(OutOfMemoryError.class);
	}

	@Test
	void streamsAFiftyMegabyteLine() throws IOException {
		LineCounter counter = new LineCounter();
		TraceSummary summary = TraceParser.stream(repeated("0123456789abcdef", 50 * MB), counter);
		assertThat(summary.bytes()).isEqualTo(50 * MB);
		assertThat(summary.clippedLines()).isEqualTo(1);
		assertThat(counter.lines).isEqualTo(1);
		assertThat(counter.characters).isEqualTo(TraceParser.MAX_LINE_BYTES);
	}

	private static final class LineCounter implements TraceListener {

		long lines;

		long characters;

		@Override
		public void onLine(TraceLine line) {
			this.lines++;
			this.characters += line.text().length();
		}

	}

}
