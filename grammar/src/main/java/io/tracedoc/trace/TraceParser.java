package io.tracedoc.trace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses GitLab CI job logs in every shape users have them: raw traces with escapes and
 * section markers, FF_TIMESTAMPS traces, copies from the job page, and copies whose
 * escapes were stripped.
 *
 * <p>
 * No input makes it throw (other than the {@link IOException} of a failing stream), and
 * memory stays bounded: {@link #stream} keeps one line at a time, {@link #parse} keeps
 * the lines it returns.
 */
public final class TraceParser {

	/** Lines longer than this keep their first bytes only (1 MiB). */
	public static final int MAX_LINE_BYTES = 1 << 20;

	private TraceParser() {
	}

	/**
	 * Reads a whole log.
	 * @param log the log's bytes
	 * @return the trace, lines included
	 * @throws IOException when reading {@code log} fails
	 */
	public static JobTrace parse(InputStream log) throws IOException {
		List<TraceLine> lines = new ArrayList<>();
		TraceSummary summary = stream(log, new TraceListener() {

			@Override
			public void onLine(TraceLine line) {
				lines.add(line);
			}

		});
		return new JobTrace(summary, lines);
	}

	/**
	 * @param log the log's bytes
	 * @return the trace, lines included
	 */
	public static JobTrace parse(byte[] log) {
		try {
			return parse(new ByteArrayInputStream(log));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param log the log as text
	 * @return the trace, lines included
	 */
	public static JobTrace parse(String log) {
		return parse(log.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param file a log file
	 * @return the trace, lines included
	 * @throws IOException when the file cannot be read
	 */
	public static JobTrace parse(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return parse(in);
		}
	}

	/**
	 * Streams a log through {@code listener} without keeping its lines.
	 * @param log the log's bytes
	 * @param listener receives lines and sections in log order
	 * @return everything learnt apart from the lines
	 * @throws IOException when reading {@code log} fails
	 */
	public static TraceSummary stream(InputStream log, TraceListener listener) throws IOException {
		return stream(log, listener, false);
	}

	/**
	 * Streams a log like {@link #stream(InputStream, TraceListener)}, but sends every
	 * line through the lexer, also the lines without any character that could begin a
	 * token, which {@code stream} takes as text without lexing them. The result is the
	 * same; this exists for benchmarks that measure what that shortcut saves.
	 * @param log the log's bytes
	 * @param listener receives lines and sections in log order
	 * @return everything learnt apart from the lines
	 * @throws IOException when reading {@code log} fails
	 */
	public static TraceSummary streamLexingEveryLine(InputStream log, TraceListener listener) throws IOException {
		return stream(log, listener, true);
	}

	private static TraceSummary stream(InputStream log, TraceListener listener, boolean alwaysLex) throws IOException {
		// sized by what was read: a small log does not pay for a 64 KiB buffer
		byte[] sample = log.readNBytes(LogShape.SAMPLE_BYTES);
		int length = sample.length;
		int start = startsWithByteOrderMark(sample, length) ? 3 : 0;
		byte[] shapeSample = (start == 0) ? sample : java.util.Arrays.copyOfRange(sample, start, length);
		LogShape shape = LogShape.of(shapeSample, length - start);
		InputStream rest = new SequenceInputStream(new ByteArrayInputStream(sample, start, length - start), log);
		LogLineReader reader = new LogLineReader(rest, shape.format() == TraceFormat.RAW_TIMESTAMPED);
		TraceBuilder builder = new TraceBuilder(shape, listener);
		if (alwaysLex) {
			builder.alwaysLex();
		}
		for (LogLineReader.RawLine line = reader.next(); line != null; line = reader.next()) {
			builder.line(line);
		}
		return builder.finish(reader.bytesRead() + start, reader.clippedLines());
	}

	private static boolean startsWithByteOrderMark(byte[] bytes, int length) {
		return length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
	}

}
