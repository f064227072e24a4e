package io.tracedoc.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.FailurePattern.Condition;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;
import io.tracedoc.trace.SyntheticTrace;
import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceListener;
import io.tracedoc.trace.TraceParser;

/**
 * Measures parse + diagnose throughput on a generated trace and puts it next to what it
 * should beat: a naive engine that runs every condition's {@code java.util.regex} on
 * every line, and ripgrep given the same regexes (when {@code rg} is installed). Then
 * grows the library from 100 to 1,000 patterns with synthetic ones to show that the
 * prefilter keeps the cost from growing with the pattern count.
 */
final class DiagnosisBenchmark {

	private static final String[] WORDS = { "volume", "quota", "sidecar", "webhook", "ledger", "replica", "gateway",
			"shard", "tenant", "lease", "snapshot", "mirror", "vault", "bucket", "cluster", "daemon", "kernel",
			"socket", "index", "schema", "broker", "cursor", "tunnel", "beacon", "fabric", "harbor", "lattice", "prism",
			"quorum", "relay", "signal", "spool", "stanza", "thread", "vector", "wharf" };

	private final PrintWriter out;

	private final int megabytes;

	private final double naiveMegabytes;

	private final int iterations;

	private final long seed;

	private final int[] patternCounts;

	DiagnosisBenchmark(PrintWriter out, int megabytes, double naiveMegabytes, int iterations, long seed,
			int[] patternCounts) {
		this.out = out;
		this.megabytes = megabytes;
		this.naiveMegabytes = Math.min(naiveMegabytes, megabytes);
		this.iterations = iterations;
		this.seed = seed;
		this.patternCounts = patternCounts;
	}

	void run(PatternCatalog library) throws Exception {
		byte[] trace = SyntheticTrace.generate(this.megabytes * 1_000_000L, this.seed);
		byte[] naiveTrace = Arrays.copyOf(trace, (int) (this.naiveMegabytes * 1_000_000));
		DiagnosisEngine engine = new DiagnosisEngine(library);
		this.out.printf("tracedoc bench diagnose: %d MB synthetic Kubernetes job trace (seed %d), median of %d timed "
				+ "runs after a warm-up; 1 MB = 1,000,000 bytes%n", this.megabytes, this.seed, this.iterations);
		this.out.printf("library: %d patterns; prefilter: %s%n%n", library.size(), engine.prefilterStatistics());
		double parse = throughput(trace, () -> naive(trace, List.of()));
		line("parse only (TraceParser.stream)", parse, "");
		double tracedoc = throughput(trace, () -> engine.diagnose(trace));
		line("parse + diagnose, " + library.size() + " patterns (tracedoc)", tracedoc, "");
		List<java.util.regex.Pattern> naiveRegexes = javaRegexes(library);
		double naive = throughput(naiveTrace, () -> naive(naiveTrace, naiveRegexes));
		line("naive: " + naiveRegexes.size() + " java.util.regex on every line", naive,
				String.format("on %s MB; tracedoc is %.1fx faster", this.naiveMegabytes, tracedoc / naive));
		ripgrep(trace, library);
		long peak = Measurements.peakHeap(() -> engine.diagnose(trace)) - trace.length;
		this.out.printf("%npeak heap of parse + diagnose, beyond the %d MB input held in memory: %d MB%n",
				this.megabytes, peak >> 20);
		scaling(trace, naiveTrace, library);
	}

	private void scaling(byte[] trace, byte[] naiveTrace, PatternCatalog library) throws Exception {
		this.out.printf("%nscaling with synthetic patterns added to the library:%n");
		int rounds = this.patternCounts.length;
		double[] engine = new double[rounds];
		double[] naive = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			PatternCatalog grown = grow(library, this.patternCounts[i]);
			DiagnosisEngine grownEngine = new DiagnosisEngine(grown);
			engine[i] = throughput(trace, () -> grownEngine.diagnose(trace));
			List<java.util.regex.Pattern> regexes = javaRegexes(grown);
			naive[i] = throughput(naiveTrace, () -> naive(naiveTrace, regexes));
			line("tracedoc, " + grown.size() + " patterns", engine[i], grownEngine.prefilterStatistics());
			line("naive, " + grown.size() + " patterns", naive[i], "on " + this.naiveMegabytes + " MB");
		}
		this.out.printf("from %d to %d patterns: tracedoc keeps %.0f%% of its throughput, the naive engine %.0f%%%n",
				this.patternCounts[0], this.patternCounts[rounds - 1], 100 * engine[rounds - 1] / engine[0],
				100 * naive[rounds - 1] / naive[0]);
	}

	/**
	 * Adds synthetic patterns with realistic literals (three-word phrases) until the
	 * library has {@code size} patterns, loading them through the real loader.
	 */
	private PatternCatalog grow(PatternCatalog library, int size) {
		Path directory;
		try {
			directory = Files.createTempDirectory("tracedoc-bench-patterns");
			Path bundled = Files.createDirectories(directory.resolve("runner-misconfiguration"));
			Random random = new Random(this.seed);
			for (int i = library.size(); i < size; i++) {
				String phrase = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
						+ WORDS[random.nextInt(WORDS.length)];
				String id = String.format("synthetic-%04d", i);
				Files.writeString(bundled.resolve(id + ".yaml"), syntheticPattern(id, phrase, i));
			}
			PatternCatalog synthetic = PatternLoader.loadDirectory(directory);
			List<FailurePattern> all = new ArrayList<>(library.patterns());
			all.addAll(synthetic.patterns());
			return PatternCatalog.of(all, library.probes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String syntheticPattern(String id, String phrase, int index) {
		return """
				id: %s
				name: Synthetic – benchmark pattern %d
				category: runner-misconfiguration
				summary: 'synthetic failure in {{component}}'
				description: A pattern generated by tracedoc bench to measure how the engine scales.
				remediation: None; it exists only in the benchmark.
				severity: low
				confidence: low
				maturity: sandbox
				tags: [benchmark]
				references: [https://docs.gitlab.com/runner/]
				match:
				  all:
				    - regex: '%s %d in (?P<component>[a-z]+) (?:refused|failed)'
				fix:
				  - kind: text
				    title: Nothing to fix
				    content: benchmark only
				examples:
				  - name: fires
				    expect: match
				    log: '%s %d in x refused'
				  - name: stays quiet
				    expect: no-match
				    log: nothing
				""".formatted(id, index, phrase, index, phrase, index);
	}

	private void ripgrep(byte[] trace, PatternCatalog library) throws Exception {
		String version = ripgrepVersion();
		if (version == null) {
			this.out.println("ripgrep: not installed (apt-get install ripgrep), comparison skipped");
			return;
		}
		try {
			Path file = Files.createTempFile("tracedoc-bench", ".log");
			Path patterns = Files.createTempFile("tracedoc-bench", ".rg");
			Files.write(file, trace);
			List<String> rustRegexes = new ArrayList<>();
			for (Condition condition : conditions(library)) {
				rustRegexes.add(condition.literal() ? rustQuote(condition.source()) : condition.source());
			}
			Files.write(patterns, rustRegexes, StandardCharsets.UTF_8);
			double seconds = Measurements.medianSeconds(1, this.iterations, () -> {
				Process process = new ProcessBuilder("rg", "--count-matches", "--no-config", "-f", patterns.toString(),
						file.toString())
					.redirectErrorStream(true)
					.start();
				process.getInputStream().readAllBytes();
				return process.waitFor(10, TimeUnit.MINUTES);
			});
			line("ripgrep -f, the same " + rustRegexes.size() + " regexes (scan only)", trace.length / 1e6 / seconds,
					version + "; it finds lines, tracedoc also parses, ranks and renders");
			Files.deleteIfExists(file);
			Files.deleteIfExists(patterns);
		}
		catch (IOException ex) {
			this.out.println("ripgrep: failed (" + ex.getMessage() + ")");
		}
	}

	private static String ripgrepVersion() {
		try {
			Process process = new ProcessBuilder("rg", "--version").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return (process.waitFor() == 0) ? output.lines().findFirst().orElse("rg") : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static String rustQuote(String literal) {
		StringBuilder quoted = new StringBuilder();
		for (char c : literal.toCharArray()) {
			if ("\\.+*?()|[]{}^$#&-~".indexOf(c) >= 0) {
				quoted.append('\\');
			}
			quoted.append(c);
		}
		return quoted.toString();
	}

	/**
	 * Every condition's regex in {@code java.util.regex} form (group names dropped:
	 * Java's are stricter).
	 */
	private static List<java.util.regex.Pattern> javaRegexes(PatternCatalog library) {
		List<java.util.regex.Pattern> regexes = new ArrayList<>();
		for (Condition condition : conditions(library)) {
			String source = condition.literal() ? java.util.regex.Pattern.quote(condition.source())
					: condition.source().replaceAll("\\(\\?P?<([A-Za-z_][A-Za-z0-9_]*)>", "(");
			regexes.add(java.util.regex.Pattern.compile(source));
		}
		return regexes;
	}

	private static List<Condition> conditions(PatternCatalog library) {
		List<Condition> conditions = new ArrayList<>();
		for (FailurePattern pattern : library.patterns()) {
			conditions.addAll(pattern.match().all());
			conditions.addAll(pattern.match().any());
			conditions.addAll(pattern.match().none());
		}
		return conditions;
	}

	private static Object naive(byte[] trace, List<java.util.regex.Pattern> regexes) throws IOException {
		return TraceParser.stream(new ByteArrayInputStream(trace), new TraceListener() {

			@Override
			public void onLine(TraceLine line) {
				for (java.util.regex.Pattern regex : regexes) {
					regex.matcher(line.text()).find();
				}
			}

		});
	}

	private double throughput(byte[] input, Measurements.Work work) throws Exception {
		return input.length / 1e6 / Measurements.medianSeconds(1, this.iterations, work);
	}

	/** Slow baselines keep three decimals: one would print them as 0.0. */
	private void line(String what, double megabytesPerSecond, String note) {
		this.out.printf(Locale.ROOT,
				(megabytesPerSecond < 10) ? "  %-52s %8.3f MB/s  %s%n" : "  %-52s %8.1f MB/s  %s%n", what,
				megabytesPerSecond, note);
	}

}
