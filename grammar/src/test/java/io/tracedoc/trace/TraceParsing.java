package io.tracedoc.trace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
			TraceSummary summary = TraceParser.stream(new ByteArrayInputStream(log), new TraceListener() {

				@Override
				public void onLine(TraceLine line) {
					lines.add(line);
				}

			}, true);
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

}
