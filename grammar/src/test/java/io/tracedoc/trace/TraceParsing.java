package io.tracedoc.trace;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helpers around {@link TraceParser}.
 */
final class TraceParsing {

	private TraceParsing() {
	}

	static JobTrace parseAlwaysLexing(byte[] log) {
		List<TraceLine> lines = new ArrayList<>();
		try {
			TraceSummary summary = TraceParser.streamLexingEveryLine(new ByteArrayInputStream(log),
					new TraceListener() {

						@Override
						public void onLine(TraceLine line) {
							lines.add(line);
						}

					});
			return new JobTrace(summary, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Builds a log from Java-escaped text: {@code \e} is ESC, {@code \r} a carriage
	 * return.
	 */
	static JobTrace parse(String escaped) {
		return TraceParser.parse(bytes(escaped));
	}

	static byte[] bytes(String escaped) {
		return escaped.replace("\\e", "\u001B").getBytes(StandardCharsets.UTF_8);
	}

	static List<String> texts(JobTrace trace) {
		return trace.lines().stream().map(TraceLine::text).toList();
	}

	/**
	 * An input of {@code size} bytes repeating {@code pattern}, made as it is read, so
	 * that a test can feed a 50 MB log without holding it.
	 */
	static InputStream repeated(String pattern, long size) {
		byte[] bytes = pattern.getBytes(StandardCharsets.UTF_8);
		return new InputStream() {

			private long position;

			@Override
			public int read() {
				if (this.position >= size) {
					return -1;
				}
				return bytes[(int) (this.position++ % bytes.length)] & 0xff;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.position >= size) {
					return -1;
				}
				int count = (int) Math.min(length, size - this.position);
				for (int i = 0; i < count; i++) {
					buffer[offset + i] = bytes[(int) (this.position++ % bytes.length)];
				}
				return count;
			}

		};
	}

	/**
	 * Writes a {@link SyntheticTrace} to a file, so that tests can read a big trace
	 * without holding its bytes.
	 */
	static Path syntheticTrace(Path directory, long size, long seed) throws IOException {
		Path file = directory.resolve("synthetic-" + size + ".log");
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			SyntheticTrace.write(size, seed, out);
		}
		return file;
	}

}
