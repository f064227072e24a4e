package io.tracedoc.history;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.tracedoc.trace.TraceLine;

/**
 * The encoded chunks of one log while it streams in: kept in memory up to
 * {@value #MEMORY_LIMIT} bytes, then spilled to a temporary file, so a 100 MB log never
 * sits in the heap. Read as many times as needed once finished; deleted on
 * {@link #close()}.
 */
final class LogSpool implements Closeable {

	static final int MEMORY_LIMIT = 1 << 20;

	private final Path spillDirectory;

	private final LogCodec.ChunkWriter writer = new LogCodec.ChunkWriter();

	private final List<byte[]> memory = new ArrayList<>();

	private int memoryBytes;

	private long encodedBytes;

	private Path file;

	private DataOutputStream fileOut;

	private int[] chunkStarts = new int[16];

	private int chunks;

	private int lines;

	/**
	 * @param spillDirectory where a large log is spilled
	 */
	LogSpool(Path spillDirectory) {
		this.spillDirectory = spillDirectory;
	}

	void add(TraceLine line) {
		this.writer.add(line);
		this.lines++;
		if (this.writer.full()) {
			flushChunk();
		}
	}

	/**
	 * Writes the last chunk; nothing may be added afterwards.
	 */
	void finish() {
		if (this.writer.lines() > 0) {
			flushChunk();
		}
		if (this.fileOut != null) {
			try {
				this.fileOut.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.fileOut = null;
		}
	}

	int lines() {
		return this.lines;
	}

	/**
	 * @return the index of the first line of every chunk, in order
	 */
	int[] chunkStarts() {
		return Arrays.copyOf(this.chunkStarts, this.chunks);
	}

	/**
	 * @return the bytes the chunks take before Lucene compresses them
	 */
	long encodedBytes() {
		try {
			return (this.file != null) ? Files.size(this.file) - 4L * this.chunks + this.memoryBytes : this.memoryBytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the chunks in order, read afresh on every iteration
	 */
	Iterable<byte[]> chunks() {
		return () -> (this.file == null) ? this.memory.iterator() : new FileChunks(this.memory, this.file);
	}

	/**
	 * @param maxChars how much text to give at most
	 * @return the lines' text, one per line, for the full-text index
	 */
	Reader text(long maxChars) {
		return new TextReader(chunks().iterator(), maxChars);
	}

	@Override
	public void close() {
		try {
			if (this.fileOut != null) {
				this.fileOut.close();
				this.fileOut = null;
			}
			if (this.file != null) {
				Files.deleteIfExists(this.file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void flushChunk() {
		int start = this.lines - this.writer.lines();
		byte[] chunk = this.writer.finish();
		if (this.chunks == this.chunkStarts.length) {
			this.chunkStarts = Arrays.copyOf(this.chunkStarts, this.chunks * 2);
		}
		this.chunkStarts[this.chunks++] = start;
		this.encodedBytes += chunk.length;
		try {
			if (this.file == null && this.memoryBytes + chunk.length <= MEMORY_LIMIT) {
				this.memory.add(chunk);
				this.memoryBytes += chunk.length;
				return;
			}
			if (this.file == null) {
				this.file = Files.createTempFile(this.spillDirectory, "log-", ".spool");
				this.fileOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(this.file)));
			}
			this.fileOut.writeInt(chunk.length);
			this.fileOut.write(chunk);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The chunks held in memory, then those of the spill file. */
	private static final class FileChunks implements Iterator<byte[]>, Closeable {

		private final Iterator<byte[]> memory;

		private final DataInputStream in;

		private byte[] next;

		FileChunks(List<byte[]> memory, Path file) {
			this.memory = memory.iterator();
			try {
				InputStream stream = Files.newInputStream(file);
				this.in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.next = advance();
		}

		@Override
		public boolean hasNext() {
			return this.next != null;
		}

		@Override
		public byte[] next() {
			if (this.next == null) {
				throw new NoSuchElementException();
			}
			byte[] chunk = this.next;
			this.next = advance();
			return chunk;
		}

		private byte[] advance() {
			if (this.memory.hasNext()) {
				return this.memory.next();
			}
			try {
				int length = this.in.readInt();
				byte[] chunk = new byte[length];
				this.in.readFully(chunk);
				return chunk;
			}
			catch (EOFException ex) {
				close();
				return null;
			}
			catch (IOException ex) {
				close();
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.in.close();
			}
			catch (IOException ex) {
				// only read from; the spool deletes the file
			}
		}

	}

	/** The text of the chunks' lines, decoded one chunk at a time. */
	private static final class TextReader extends Reader {

		private final Iterator<byte[]> chunks;

		private long remaining;

		private final StringBuilder buffer = new StringBuilder();

		private int position;

		TextReader(Iterator<byte[]> chunks, long maxChars) {
			this.chunks = chunks;
			this.remaining = maxChars;
		}

		@Override
		public int read(char[] target, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			while (this.position == this.buffer.length()) {
				if (this.remaining <= 0 || !this.chunks.hasNext()) {
					return -1;
				}
				this.buffer.setLength(0);
				this.position = 0;
				byte[] chunk = this.chunks.next();
				for (TraceLine line : LogCodec.readChunk(chunk, 0, chunk.length)) {
					this.buffer.append(line.text()).append('\n');
				}
				if (this.buffer.length() > this.remaining) {
					this.buffer.setLength((int) this.remaining);
				}
				this.remaining -= this.buffer.length();
			}
			int n = Math.min(length, this.buffer.length() - this.position);
			this.buffer.getChars(this.position, this.position + n, target, offset);
			this.position += n;
			return n;
		}

		@Override
		public void close() throws IOException {
			if (this.chunks instanceof Closeable closeable) {
				closeable.close();
			}
		}

	}

}
