package io.tracedoc.trace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.tracedoc.trace.TraceParsing.repeated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TraceParser} with inputs nobody should send and somebody will: huge
 * lines, endless nesting, markers without text, binary files, and a trace of 100 MB. The
 * timeouts only guard against hangs; how fast the parser is belongs to
 * {@code tracedoc bench parse}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileInputTests {

	private static final long MB = 1024 * 1024;

	@Test
	void keepsTheHeadOfASingleFiftyMegabyteLine() throws IOException {
		JobTrace trace = TraceParser.parse(repeated("0123456789abcdef", 50 * MB));
		assertThat(trace.lines()).singleElement()
			.satisfies((line) -> assertThat(line.text()).hasSize(TraceParser.MAX_LINE_BYTES)
				.startsWith("0123456789abcdef0123"));
		assertThat(trace.summary().clippedLines()).isEqualTo(1);
		assertThat(trace.summary().bytes()).isEqualTo(50 * MB);
	}

	@Test
	void keepsALineOfExactlyTheLimitWholeAndClipsOneByteMore() throws IOException {
		int limit = TraceParser.MAX_LINE_BYTES;
		TraceSummary atLimit = TraceParser.parse(repeated("x", limit)).summary();
		TraceSummary overLimit = TraceParser.parse(repeated("x", limit + 1)).summary();
		assertThat(atLimit.clippedLines()).isZero();
		assertThat(overLimit.clippedLines()).isEqualTo(1);
	}

	@Test
	void keepsTheHeadOfATimestampedLineContinuedForFiftyMegabytes() throws IOException {
		// the runner breaks a line without \n into `+` pieces of about 8 KiB
		String piece = "x".repeat(8 * 1024) + "\n";
		InputStream first = new ByteArrayInputStream(
				("2025-10-09T12:00:00.000000Z 01O " + piece).getBytes(StandardCharsets.UTF_8));
		InputStream log = new SequenceInputStream(first, repeated("2025-10-09T12:00:01.000000Z 01O+" + piece, 50 * MB));
		JobTrace trace = TraceParser.parse(log);
		assertThat(trace.summary().format()).isEqualTo(TraceFormat.RAW_TIMESTAMPED);
		assertThat(trace.lines()).singleElement().satisfies((line) -> {
			assertThat(line.text()).hasSize(TraceParser.MAX_LINE_BYTES).doesNotContain("Z 01O");
			assertThat(line.timestamp()).hasToString("2025-10-09T12:00:01Z");
		});
		assertThat(trace.summary().clippedLines()).isEqualTo(1);
	}

	@Test
	void closesTenThousandNestedSectionsThatNeverEndAsUnclosed() {
		StringBuilder log = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			log.append("section_start:").append(1_760_000_000 + i).append(":level_").append(i).append("\r\u001B[0K");
			log.append("depth ").append(i).append('\n');
		}
		JobTrace trace = TraceParser.parse(log.toString());
		TraceSummary summary = trace.summary();
		assertThat(summary.sections()).hasSize(10_000).allSatisfy((section) -> {
			assertThat(section.unclosed()).isTrue();
			assertThat(section.depth()).isEqualTo(section.id());
			assertThat(section.parent()).isEqualTo(section.id() - 1);
			assertThat(section.lastLine()).isEqualTo(10_000);
		});
		assertThat(trace.lines()).hasSize(10_000);
		assertThat(trace.line(10_000).section()).isEqualTo(9_999);
		assertThat(summary.stageOf(9_999).name()).isEqualTo("level_0");
		assertThat(summary.endsMidway()).isTrue();
	}

	@Test
	void readsALogOfOnlyMarkersAsSectionsWithoutLines() {
		StringBuilder log = new StringBuilder();
		for (int i = 0; i < 5_000; i++) {
			log.append("section_start:").append(i).append(":s").append(i).append("\r\u001B[0K");
			log.append("section_end:").append(i + 1).append(":s").append(i).append("\r\u001B[0K");
		}
		JobTrace trace = TraceParser.parse(log.toString());
		assertThat(trace.lines()).isEmpty();
		assertThat(trace.summary().sections()).hasSize(5_000).allSatisfy((section) -> {
			assertThat(section.firstLine()).isEqualTo(-1);
			assertThat(section.title()).isNull();
			assertThat(section.durationSeconds()).isEqualTo(1);
			assertThat(section.unclosed()).isFalse();
		});
		assertThat(trace.summary().clippedLines()).isZero();
	}

	@Test
	void turnsBinaryInputIntoVisibleTextWithoutControlCharacters() {
		byte[] binary = new byte[4 * (int) MB];
		new Random(20251009).nextBytes(binary);
		JobTrace trace = TraceParser.parse(binary);
		assertThat(trace.summary().bytes()).isEqualTo(binary.length);
		assertThat(trace.summary().replacedCharacters()).isPositive();
		assertThat(trace.lines()).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.text().chars().filter((c) -> (c < 0x20 && c != '\t') || c == 0x7F))
				.isEmpty());
		assertThat(trace).isEqualTo(TraceParsing.parseAlwaysLexing(binary));
	}

	@Test
	void parsesAndStreamsAHundredMegabyteTraceToTheSameSummary(@TempDir Path directory) throws IOException {
		Path file = TraceParsing.syntheticTrace(directory, 100 * MB, 42);
		JobTrace parsed = TraceParser.parse(file);
		AtomicLong streamedLines = new AtomicLong();
		TraceSummary streamed;
		try (InputStream in = Files.newInputStream(file)) {
			streamed = TraceParser.stream(in, new TraceListener() {

				@Override
				public void onLine(TraceLine line) {
					streamedLines.incrementAndGet();
				}

			});
		}
		TraceSummary summary = parsed.summary();
		assertThat(summary.bytes()).isEqualTo(Files.size(file)).isGreaterThanOrEqualTo(100 * MB);
		assertThat(summary.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(summary.finalStatus().exitCode()).isEqualTo(137);
		assertThat(summary.failing().name()).isEqualTo("step_script");
		assertThat(summary.runner().pod()).isEqualTo("runner-abcde1fgh-project-4242-concurrent-0-x1y2z3w4");
		assertThat(parsed.lines()).hasSize(summary.lineCount());
		assertThat(parsed.lines().get(parsed.lines().size() - 1).text())
			.isEqualTo("ERROR: Job failed: command terminated with exit code 137");
		assertThat(streamed).isEqualTo(summary);
		assertThat(streamedLines).hasValue(summary.lineCount());
	}

	@Test
	void readsOnlyTheFirstMegabyteOfMarkersWhenTheLogHasNoLineEnd() throws IOException {
		// the line limit holds for a line of markers too: what lies beyond it is not read
		String marker = "section_start:1:a\r\u001B[0K";
		TraceSummary summary = TraceParser.parse(repeated(marker, 3 * MB)).summary();
		assertThat(summary.clippedLines()).isEqualTo(1);
		assertThat(summary.sections()).hasSize(TraceParser.MAX_LINE_BYTES / marker.length());
	}

}
