package io.tracedoc.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.tracedoc.cli.ParseBenchmark.Log;
import io.tracedoc.cli.ParseBenchmark.Mode;
import io.tracedoc.trace.SyntheticTrace;
import io.tracedoc.trace.TraceParser;
import io.tracedoc.trace.TraceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tracedoc bench parse}: how fast the trace parser reads a big synthetic trace and
 * the seed logs, streaming, building the whole model, and lexing every line; and how much
 * heap streaming and the whole model need.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
		description = "Measures the trace parser's throughput (MB/s) and peak heap on a synthetic Kubernetes "
				+ "trace and on the seed logs. 1 MB = 1,000,000 bytes.")
final class BenchParseCommand implements Callable<Integer> {

	private static final double MB = 1_000_000;

	/** Seed logs are tiny; each is read repeatedly to at least this much per round. */
	private static final long SEED_BYTES_PER_ROUND = 1_000_000;

	@Option(names = "--size-mb", defaultValue = "100", paramLabel = "MB",
			description = "size of the synthetic trace (default: ${DEFAULT-VALUE})")
	private long sizeMegabytes;

	@Option(names = "--seed", defaultValue = "42",
			description = "random seed of the synthetic trace (default: ${DEFAULT-VALUE})")
	private long seed;

	@Option(names = "--warmup", defaultValue = "2", paramLabel = "ROUNDS",
			description = "untimed rounds before measuring (default: ${DEFAULT-VALUE})")
	private int warmup;

	@Option(names = "--iterations", defaultValue = "5", paramLabel = "ROUNDS",
			description = "timed rounds; the median is reported (default: ${DEFAULT-VALUE})")
	private int iterations;

	@Option(names = "--seeds", defaultValue = "grammar/src/test/resources/examples", paramLabel = "DIR",
			description = "directory of the seed-*.log files (default: ${DEFAULT-VALUE}, "
					+ "relative to the working directory)")
	private Path seeds;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (this.sizeMegabytes < 1 || this.warmup < 0 || this.iterations < 1) {
			throw new ParameterException(this.spec.commandLine(),
					"--size-mb and --iterations must be at least 1, --warmup at least 0");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		ParseBenchmark benchmark = new ParseBenchmark(this.warmup, this.iterations);
		Path trace = Files.createTempFile("tracedoc-bench-", ".log");
		try {
			long size = (long) (this.sizeMegabytes * MB);
			try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(trace), 1 << 16)) {
				SyntheticTrace.write(size, this.seed, file);
			}
			Log synthetic = Log.of(trace);
			TraceSummary summary;
			try (InputStream in = synthetic.open()) {
				summary = TraceParser.stream(in, ParseBenchmark.IGNORE_LINES);
			}
			syntheticTrace(benchmark, synthetic, summary.lineCount(), out);
			seedLogs(benchmark, Math.min(size, SEED_BYTES_PER_ROUND), out);
		}
		finally {
			Files.deleteIfExists(trace);
		}
		return ExitCodes.DONE;
	}

	private void syntheticTrace(ParseBenchmark benchmark, Log synthetic, int lines, PrintWriter out) throws Exception {
		out.println("tracedoc bench parse");
		out.printf(Locale.ROOT, "%-16s %s MB raw Kubernetes trace (SyntheticTrace, seed %d), %,d lines%n",
				"synthetic trace", megabytes(synthetic.bytes()), this.seed, lines);
		out.printf(Locale.ROOT, "%-16s %d warm-up, %d timed, median reported; 1 MB = 1,000,000 bytes%n", "rounds",
				this.warmup, this.iterations);
		out.printf(Locale.ROOT, "%-16s %s (%s), max heap %s MB, %d processors%n", "java", Runtime.version(),
				System.getProperty("java.vendor"), megabytes(Runtime.getRuntime().maxMemory()),
				Runtime.getRuntime().availableProcessors());
		out.println();
		out.println("throughput on the synthetic trace");
		Map<Mode, Double> throughput = benchmark.throughput(synthetic, 1);
		for (Mode mode : Mode.values()) {
			out.printf(Locale.ROOT, "  %-28s %9.1f MB/s%n", mode.label(), throughput.get(mode) / MB);
		}
		out.printf(Locale.ROOT, "  shortcut for plain lines vs lexing every line: %.2fx%n",
				throughput.get(Mode.STREAM) / throughput.get(Mode.LEX_EVERY_LINE));
		out.printf(Locale.ROOT, "  streaming vs whole model: %.2fx%n",
				throughput.get(Mode.STREAM) / throughput.get(Mode.PARSE));
		out.println();
		out.println("peak heap on the synthetic trace (sum of the heap pools' peak usage after System.gc(), "
				+ "uncollected garbage included)");
		long streamPeak = ParseBenchmark.peakHeap(Mode.STREAM, synthetic);
		long parsePeak = ParseBenchmark.peakHeap(Mode.PARSE, synthetic);
		out.printf(Locale.ROOT, "  %-28s %9s MB%n", Mode.STREAM.label(), megabytes(streamPeak));
		out.printf(Locale.ROOT, "  %-28s %9s MB%n", Mode.PARSE.label(), megabytes(parsePeak));
		out.printf(Locale.ROOT, "  whole model vs streaming: %.1fx%n", (double) parsePeak / streamPeak);
		out.println();
	}

	private void seedLogs(ParseBenchmark benchmark, long bytesPerRound, PrintWriter out) throws IOException {
		List<Path> logs = seedLogFiles();
		if (logs.isEmpty()) {
			out.printf("seed logs: none measured, %s%n",
					Files.isDirectory(this.seeds) ? "no seed-*.log in " + this.seeds.toAbsolutePath()
							: this.seeds.toAbsolutePath() + " does not exist (run from the repository root, or pass "
									+ "--seeds DIR)");
			return;
		}
		long total = 0;
		for (Path log : logs) {
			total += Files.size(log);
		}
		out.printf(Locale.ROOT,
				"throughput on the seed logs in %s (%d logs, %,d bytes; each read to %s MB per round)%n", this.seeds,
				logs.size(), total, megabytes(bytesPerRound));
		out.printf(Locale.ROOT, "  %-46s %10s %12s %12s %12s %9s%n", "log", "bytes", "stream MB/s", "parse MB/s",
				"lex all MB/s", "shortcut");
		for (Path log : logs) {
			byte[] bytes = Files.readAllBytes(log);
			Map<Mode, Double> throughput = benchmark.throughput(Log.of(bytes),
					(int) Math.max(1, (bytesPerRound + bytes.length - 1) / Math.max(1, bytes.length)));
			out.printf(Locale.ROOT, "  %-46s %10d %12.1f %12.1f %12.1f %8.2fx%n", log.getFileName(), bytes.length,
					throughput.get(Mode.STREAM) / MB, throughput.get(Mode.PARSE) / MB,
					throughput.get(Mode.LEX_EVERY_LINE) / MB,
					throughput.get(Mode.STREAM) / throughput.get(Mode.LEX_EVERY_LINE));
		}
	}

	private List<Path> seedLogFiles() throws IOException {
		if (!Files.isDirectory(this.seeds)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.seeds)) {
			List<Path> logs = new ArrayList<>(files.filter((file) -> {
				String name = file.getFileName().toString();
				return name.startsWith("seed-") && name.endsWith(".log");
			}).toList());
			logs.sort(null);
			return logs;
		}
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / MB);
	}

}
