package io.tracedoc.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import io.tracedoc.trace.TraceListener;
import io.tracedoc.trace.TraceParser;

/**
 * Measures how fast {@link TraceParser} reads a log in each of its {@link Mode modes},
 * and how much heap each mode needs at its peak.
 */
final class ParseBenchmark {

	/** Lets every line go, as a caller that only wants the summary does. */
	static final TraceListener IGNORE_LINES = new TraceListener() {
	};

	private final int warmupRounds;

	private final int timedRounds;

	/**
	 * @param warmupRounds rounds run before timing, so that the JIT compiler has done its
	 * work
	 * @param timedRounds timed rounds; the median is reported
	 */
	ParseBenchmark(int warmupRounds, int timedRounds) {
		this.warmupRounds = warmupRounds;
		this.timedRounds = timedRounds;
	}

	/**
	 * Reads {@code log} {@code repetitions} times per round in every mode, the modes
	 * taking turns so that a drifting machine favours none of them, each timed round
	 * after a {@link System#gc()} so that no mode pays for the garbage of the one before.
	 * @return bytes per second of each mode, the median of the timed rounds
	 */
	Map<Mode, Double> throughput(Log log, int repetitions) throws IOException {
		for (int round = 0; round < this.warmupRounds; round++) {
			for (Mode mode : Mode.values()) {
				time(mode, log, repetitions);
			}
		}
		Map<Mode, double[]> seconds = new EnumMap<>(Mode.class);
		for (Mode mode : Mode.values()) {
			seconds.put(mode, new double[this.timedRounds]);
		}
		for (int round = 0; round < this.timedRounds; round++) {
			for (Mode mode : Mode.values()) {
				System.gc();
				seconds.get(mode)[round] = time(mode, log, repetitions);
			}
		}
		Map<Mode, Double> bytesPerSecond = new EnumMap<>(Mode.class);
		seconds.forEach(
				(mode, rounds) -> bytesPerSecond.put(mode, log.bytes() * repetitions / Measurements.median(rounds)));
		return bytesPerSecond;
	}

	/**
	 * @return the heap's peak while {@code mode} reads {@code log}, in bytes (see
	 * {@link Measurements#peakHeap})
	 */
	static long peakHeap(Mode mode, Log log) throws Exception {
		return Measurements.peakHeap(() -> read(mode, log));
	}

	private static double time(Mode mode, Log log, int repetitions) throws IOException {
		long start = System.nanoTime();
		for (int i = 0; i < repetitions; i++) {
			Reference.reachabilityFence(read(mode, log));
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static Object read(Mode mode, Log log) throws IOException {
		try (InputStream in = log.open()) {
			return switch (mode) {
				case STREAM -> TraceParser.stream(in, IGNORE_LINES);
				case PARSE -> TraceParser.parse(in);
				case LEX_EVERY_LINE -> TraceParser.streamLexingEveryLine(in, IGNORE_LINES);
			};
		}
	}

	/**
	 * How the parser is asked to read the log.
	 */
	enum Mode {

		/** {@link TraceParser#stream}: lines go to a listener and are not kept. */
		STREAM("stream (lines not kept)"),

		/** {@link TraceParser#parse}: the whole model, every line kept. */
		PARSE("parse (whole model)"),

		/**
		 * {@link TraceParser#streamLexingEveryLine}: as {@link #STREAM}, without the
		 * shortcut for lines that hold nothing to lex.
		 */
		LEX_EVERY_LINE("stream, lexing every line");

		private final String label;

		Mode(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	/**
	 * A log the benchmark can read as often as it needs.
	 *
	 * @param bytes its size
	 * @param source opens it
	 */
	record Log(long bytes, Source source) {

		static Log of(Path file) throws IOException {
			return new Log(Files.size(file), () -> Files.newInputStream(file));
		}

		static Log of(byte[] bytes) {
			return new Log(bytes.length, () -> new ByteArrayInputStream(bytes));
		}

		InputStream open() throws IOException {
			return this.source.open();
		}

	}

	@FunctionalInterface
	interface Source {

		InputStream open() throws IOException;

	}

}
