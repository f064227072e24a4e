package io.tracedoc.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.tracedoc.trace.LineStream;
import io.tracedoc.trace.StyledRun;
import io.tracedoc.trace.TextStyle;
import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceSection;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;

/**
 * The compact stored form of a redacted log: lines in chunks of at most
 * {@value #CHUNK_LINES} lines or about {@value #CHUNK_BYTES} bytes, each line as
 * variable-length integers (number as a delta, section, stream, styled runs) and its
 * UTF-8 text; the sections as one blob. Lucene compresses the stored chunks again, so a
 * log costs less than its size on disk.
 */
final class LogCodec {

	static final int CHUNK_LINES = 1024;

	static final int CHUNK_BYTES = 64 * 1024;

	private static final int BOLD = 1;

	private static final int ITALIC = 2;

	private static final int UNDERLINE = 4;

	private static final int CONCEAL = 8;

	private static final int CROSSED = 16;

	private LogCodec() {
	}

	/**
	 * Collects lines into one chunk.
	 */
	static final class ChunkWriter {

		private final ByteBuffersDataOutput out = new ByteBuffersDataOutput();

		private int lines;

		private int previousNumber;

		void add(TraceLine line) {
			try {
				write(this.out, line, this.previousNumber);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.previousNumber = line.number();
			this.lines++;
		}

		boolean full() {
			return this.lines >= CHUNK_LINES || this.out.size() >= CHUNK_BYTES;
		}

		int lines() {
			return this.lines;
		}

		/**
		 * @return the chunk's bytes: the line count, then the lines; the writer starts a
		 * new chunk
		 */
		byte[] finish() {
			ByteBuffersDataOutput chunk = new ByteBuffersDataOutput(this.out.size() + 5);
			try {
				chunk.writeVInt(this.lines);
				this.out.copyTo(chunk);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.out.reset();
			this.lines = 0;
			this.previousNumber = 0;
			return chunk.toArrayCopy();
		}

	}

	/**
	 * @param chunk a chunk written by {@link ChunkWriter}
	 * @return its lines
	 */
	static List<TraceLine> readChunk(byte[] chunk, int offset, int length) {
		ByteArrayDataInput in = new ByteArrayDataInput(chunk, offset, length);
		try {
			int count = in.readVInt();
			List<TraceLine> lines = new ArrayList<>(count);
			int number = 0;
			for (int i = 0; i < count; i++) {
				TraceLine line = read(in, number);
				number = line.number();
				lines.add(line);
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] sections(Collection<TraceSection> sections) {
		ByteBuffersDataOutput out = new ByteBuffersDataOutput();
		try {
			out.writeVInt(sections.size());
			for (TraceSection section : sections) {
				out.writeVInt(section.id());
				out.writeString(section.name());
				writeOptional(out, section.title());
				out.writeZInt(section.parent());
				out.writeVInt(section.depth());
				writeInstant(out, section.start());
				writeInstant(out, section.end());
				out.writeByte((byte) ((section.durationSeconds() != null) ? 1 : 0));
				if (section.durationSeconds() != null) {
					out.writeZLong(section.durationSeconds());
				}
				out.writeByte((byte) ((section.collapsed() ? 1 : 0) | (section.hideDuration() ? 2 : 0)
						| (section.unclosed() ? 4 : 0) | (section.inferred() ? 8 : 0)));
				out.writeZInt(section.firstLine());
				out.writeZInt(section.lastLine());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toArrayCopy();
	}

	static List<TraceSection> readSections(byte[] bytes, int offset, int length) {
		ByteArrayDataInput in = new ByteArrayDataInput(bytes, offset, length);
		try {
			int count = in.readVInt();
			List<TraceSection> sections = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int id = in.readVInt();
				String name = in.readString();
				String title = readOptional(in);
				int parent = in.readZInt();
				int depth = in.readVInt();
				Instant start = readInstant(in);
				Instant end = readInstant(in);
				Long duration = (in.readByte() != 0) ? in.readZLong() : null;
				int flags = in.readByte();
				sections.add(new TraceSection(id, name, title, parent, depth, start, end, duration, (flags & 1) != 0,
						(flags & 2) != 0, in.readZInt(), in.readZInt(), (flags & 4) != 0, (flags & 8) != 0));
			}
			return sections;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(DataOutput out, TraceLine line, int previousNumber) throws IOException {
		out.writeZInt(line.number() - previousNumber);
		out.writeVInt(line.section() + 1);
		LineStream stream = line.stream();
		out.writeVInt((stream != null) ? ((stream.id() << 1) | (stream.stderr() ? 1 : 0)) + 1 : 0);
		writeInstant(out, line.timestamp());
		out.writeString(line.text());
		out.writeVInt(line.runs().size());
		for (StyledRun run : line.runs()) {
			out.writeVInt(run.from());
			out.writeVInt(run.to() - run.from());
			TextStyle style = run.style();
			out.writeZInt(style.foreground());
			out.writeZInt(style.background());
			out.writeByte((byte) ((style.bold() ? BOLD : 0) | (style.italic() ? ITALIC : 0)
					| (style.underline() ? UNDERLINE : 0) | (style.conceal() ? CONCEAL : 0)
					| (style.crossed() ? CROSSED : 0)));
		}
	}

	private static TraceLine read(DataInput in, int previousNumber) throws IOException {
		int number = previousNumber + in.readZInt();
		int section = in.readVInt() - 1;
		int stream = in.readVInt();
		Instant timestamp = readInstant(in);
		String text = in.readString();
		int runCount = in.readVInt();
		List<StyledRun> runs = new ArrayList<>(runCount);
		for (int i = 0; i < runCount; i++) {
			int from = in.readVInt();
			int to = from + in.readVInt();
			int foreground = in.readZInt();
			int background = in.readZInt();
			int flags = in.readByte();
			runs.add(new StyledRun(from, to, new TextStyle(foreground, background, (flags & BOLD) != 0,
					(flags & ITALIC) != 0, (flags & UNDERLINE) != 0, (flags & CONCEAL) != 0, (flags & CROSSED) != 0)));
		}
		LineStream lineStream = (stream == 0) ? null : new LineStream((stream - 1) >> 1, ((stream - 1) & 1) != 0);
		return new TraceLine(number, text, section, lineStream, timestamp, runs);
	}

	private static void writeOptional(DataOutput out, String value) throws IOException {
		out.writeByte((byte) ((value != null) ? 1 : 0));
		if (value != null) {
			out.writeString(value);
		}
	}

	private static String readOptional(DataInput in) throws IOException {
		return (in.readByte() != 0) ? in.readString() : null;
	}

	private static void writeInstant(DataOutput out, Instant instant) throws IOException {
		out.writeByte((byte) ((instant != null) ? 1 : 0));
		if (instant != null) {
			out.writeZLong(instant.getEpochSecond());
			out.writeVInt(instant.getNano());
		}
	}

	private static Instant readInstant(DataInput in) throws IOException {
		return (in.readByte() != 0) ? Instant.ofEpochSecond(in.readZLong(), in.readVInt()) : null;
	}

}
