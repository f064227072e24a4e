package io.tracedoc.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Splits a job log's bytes into logical lines: the lexer's input.
 *
 * <p>
 * Splitting happens on bytes, before decoding, because {@code \n} never occurs inside a
 * UTF-8 sequence; each line is then decoded on its own with invalid sequences replaced by
 * U+FFFD, as the runner's trace buffer does. A line longer than
 * {@link TraceParser#MAX_LINE_BYTES} keeps its head and drops the rest, so one 50 MB line
 * costs no more than 1 MiB.
 *
 * <p>
 * With FF_TIMESTAMPS every physical line starts with a 32-byte header
 * ({@code 2024-01-01T00:00:00.000000Z 01O+}). A {@code +} in the last byte continues the
 * previous physical line: the runner broke a write that had no {@code \n}, or one longer
 * than 8 KiB. GitLab joins such pieces by dropping the {@code \n} between them; so does
 * this reader, which is why the header is handled here and not in the lexer: the join
 * needs the next line's header before the current line can be lexed.
 */
final class LogLineReader {

	static final int HEADER_LENGTH = 32;

	private static final int BUFFER_SIZE = 64 * 1024;

	private final InputStream input;

	private final boolean timestamped;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private int position;

	private int limit;

	private boolean exhausted;

	private long bytesRead;

	private int clippedLines;

	private final ByteLine physical = new ByteLine();

	private ByteLine pending;

	private Instant pendingTimestamp;

	private LineStream pendingStream;

	LogLineReader(InputStream input, boolean timestamped) {
		this.input = input;
		this.timestamped = timestamped;
	}

	/**
	 * @return the next logical line, or {@code null} at the end of the input
	 */
	RawLine next() throws IOException {
		if (!this.timestamped) {
			if (!readPhysical()) {
				return null;
			}
			return new RawLine(decode(this.physical), null, null, this.physical.clipped);
		}
		while (readPhysical()) {
			Header header = Header.parse(this.physical.bytes, this.physical.length);
			if (header != null && header.continuation && this.pending != null) {
				this.pending.append(this.physical.bytes, HEADER_LENGTH, this.physical.length - HEADER_LENGTH);
				this.pending.clipped |= this.physical.clipped;
				this.pendingTimestamp = header.timestamp;
				continue;
			}
			RawLine ready = takePending();
			this.pending = new ByteLine();
			int offset = (header != null) ? HEADER_LENGTH : 0;
			this.pending.append(this.physical.bytes, offset, this.physical.length - offset);
			this.pending.clipped = this.physical.clipped;
			this.pendingTimestamp = (header != null) ? header.timestamp : null;
			this.pendingStream = (header != null) ? header.stream : null;
			if (ready != null) {
				return ready;
			}
		}
		return takePending();
	}

	long bytesRead() {
		return this.bytesRead;
	}

	int clippedLines() {
		return this.clippedLines;
	}

	private RawLine takePending() {
		if (this.pending == null) {
			return null;
		}
		RawLine line = new RawLine(decode(this.pending), this.pendingTimestamp, this.pendingStream,
				this.pending.clipped);
		this.pending = null;
		return line;
	}

	private String decode(ByteLine line) {
		int end = line.length;
		while (end > 0 && line.bytes[end - 1] == '\r') {
			end--;
		}
		if (line.clipped) {
			this.clippedLines++;
		}
		return new String(line.bytes, 0, end, StandardCharsets.UTF_8);
	}

	/**
	 * Reads one physical line into {@link #physical}, without its {@code \n}.
	 * @return {@code false} at the end of the input
	 */
	private boolean readPhysical() throws IOException {
		ByteLine line = this.physical;
		line.length = 0;
		line.clipped = false;
		boolean sawAnything = false;
		while (true) {
			if (this.position == this.limit) {
				if (!fill()) {
					return sawAnything;
				}
			}
			sawAnything = true;
			int newline = indexOfNewline(this.buffer, this.position, this.limit);
			int end = (newline >= 0) ? newline : this.limit;
			line.append(this.buffer, this.position, end - this.position);
			if (newline >= 0) {
				this.position = newline + 1;
				return true;
			}
			this.position = this.limit;
		}
	}

	private static int indexOfNewline(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private boolean fill() throws IOException {
		if (this.exhausted) {
			return false;
		}
		int read = this.input.read(this.buffer, 0, this.buffer.length);
		if (read <= 0) {
			this.exhausted = read < 0;
			if (read == 0) {
				return fill();
			}
			return false;
		}
		this.position = 0;
		this.limit = read;
		this.bytesRead += read;
		return true;
	}

	/**
	 * A logical line before lexing.
	 *
	 * @param text the decoded line, without its line end
	 * @param timestamp the FF_TIMESTAMPS time of its last piece, or {@code null}
	 * @param stream the FF_TIMESTAMPS stream, or {@code null}
	 * @param clipped {@code true} when the end of the line was dropped
	 */
	record RawLine(String text, Instant timestamp, LineStream stream, boolean clipped) {

	}

	/** A growable byte array that stops growing at the line limit. */
	private static final class ByteLine {

		byte[] bytes = new byte[256];

		int length;

		boolean clipped;

		void append(byte[] source, int offset, int count) {
			if (count <= 0) {
				return;
			}
			int room = TraceParser.MAX_LINE_BYTES - this.length;
			if (count > room) {
				this.clipped = true;
				count = Math.max(room, 0);
			}
			if (this.length + count > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.length + count, this.bytes.length * 2));
			}
			System.arraycopy(source, offset, this.bytes, this.length, count);
			this.length += count;
		}

	}

	/**
	 * The FF_TIMESTAMPS header, checked byte by byte against GitLab's
	 * {@code TIMESTAMP_HEADER_REGEX} ({@code lib/gitlab/ci/trace/stream.rb}).
	 */
	record Header(Instant timestamp, LineStream stream, boolean continuation) {

		static Header parse(byte[] b, int length) {
			if (length < HEADER_LENGTH || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':'
					|| b[19] != '.' || b[26] != 'Z' || b[27] != ' ') {
				return null;
			}
			int year = digits(b, 0, 4);
			int month = digits(b, 5, 2);
			int day = digits(b, 8, 2);
			int hour = digits(b, 11, 2);
			int minute = digits(b, 14, 2);
			int second = digits(b, 17, 2);
			int micros = digits(b, 20, 6);
			int stream = (hex(b[28]) << 4) | hex(b[29]);
			byte type = b[30];
			byte flag = b[31];
			if ((year | month | day | hour | minute | second | micros | stream) < 0 || (type != 'O' && type != 'E')
					|| (flag != ' ' && flag != '+') || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23
					|| minute > 59 || second > 60) {
				return null;
			}
			long epochDay;
			try {
				epochDay = LocalDate.of(year, month, Math.min(day, LocalDate.of(year, month, 1).lengthOfMonth()))
					.toEpochDay();
			}
			catch (RuntimeException ex) {
				return null;
			}
			Instant timestamp = Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second,
					micros * 1_000L);
			return new Header(timestamp, LineStream.of(stream, type == 'E'), flag == '+');
		}

		private static int digits(byte[] b, int from, int count) {
			int value = 0;
			for (int i = from; i < from + count; i++) {
				int digit = b[i] - '0';
				if (digit < 0 || digit > 9) {
					return -1;
				}
				value = value * 10 + digit;
			}
			return value;
		}

		private static int hex(byte c) {
			if (c >= '0' && c <= '9') {
				return c - '0';
			}
			if (c >= 'a' && c <= 'f') {
				return c - 'a' + 10;
			}
			return -1;
		}

	}

}
