package io.tracedoc.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.DiagnosisStore;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.Probing;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.history.HistoryIndex;
import io.tracedoc.history.HistoryProperties;
import io.tracedoc.history.HistorySearch;
import io.tracedoc.history.HistoryViews;
import io.tracedoc.history.LuceneDiagnosisStore;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.trace.SyntheticTrace;
import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceListener;
import io.tracedoc.trace.TraceSection;
import io.tracedoc.system.ManualClock;

import org.springframework.util.unit.DataSize;

/**
 * Fills a history on a real directory with synthetic diagnoses and measures it: bulk
 * indexing rate, durable acknowledgements per second, index size, the latency of a
 * similar-failure query and of a faceted stats query at that size, and how much index a
 * large log costs. The diagnoses are real: a few hundred generated logs (known failures
 * in many namespaces, unknown failures of many shapes, script failures, successes) are
 * diagnosed by the engine once, then stored again and again with other projects, runners,
 * jobs and times, their redacted lines replayed into each draft as the engine hands them
 * over.
 */
final class HistoryBenchmark {

	private static final String[] WORDS = { "volume", "quota", "sidecar", "webhook", "ledger", "replica", "gateway",
			"shard", "tenant", "lease", "snapshot", "mirror", "vault", "bucket", "daemon", "kernel", "socket", "schema",
			"broker", "cursor", "tunnel", "beacon", "fabric", "harbor", "lattice", "prism", "quorum", "relay" };

	private static final Duration PERIOD = Duration.ofDays(30);

	/** Concurrent writers of the group-commit measurement. */
	private static final int WRITERS = 8;

	private final PrintWriter out;

	private final int count;

	private final int templateCount;

	private final int queries;

	private final int durableCount;

	private final int logMegabytes;

	private final long seed;

	private final Path keep;

	HistoryBenchmark(PrintWriter out, int count, int templateCount, int queries, int durableCount, int logMegabytes,
			long seed, Path keep) {
		this.out = out;
		this.count = count;
		this.templateCount = templateCount;
		this.queries = queries;
		this.durableCount = durableCount;
		this.logMegabytes = logMegabytes;
		this.seed = seed;
		this.keep = keep;
	}

	void run(PatternCatalog library) throws Exception {
		DiagnosisEngine engine = new DiagnosisEngine(library);
		Random random = new Random(this.seed);
		List<Template> templates = templates(engine, random);
		Path root = (this.keep != null) ? Files.createDirectories(this.keep)
				: Files.createTempDirectory("tracedoc-bench-history");
		try {
			this.out.printf(
					"tracedoc bench history: %d synthetic diagnoses (seed %d) over %d days, replayed from %d "
							+ "logs diagnosed by the engine (%d unknown shapes), in %s%n%n",
					this.count, this.seed, PERIOD.toDays(), templates.size(),
					templates.stream().filter(Template::unknown).count(), root);
			index(root.resolve("bulk"), templates, random);
			durable(root.resolve("durable"), templates, random);
			logCost(root.resolve("log"), engine);
		}
		finally {
			if (this.keep == null) {
				delete(root);
			}
		}
	}

	private void index(Path directory, List<Template> templates, Random random) throws IOException {
		ManualClock clock = new ManualClock(Instant.EPOCH);
		Instant start = Instant.parse("2026-10-01T00:00:00Z");
		List<String> sample = new ArrayList<>();
		int sampleEvery = Math.max(1, this.count / 1000);
		try (LuceneDiagnosisStore store = new LuceneDiagnosisStore(
				HistoryIndex.open(directory, DataSize.ofMegabytes(16).toBytes()), properties(directory, "1h"), clock)) {
			long started = System.nanoTime();
			for (int i = 0; i < this.count; i++) {
				Instant at = start.plusMillis(PERIOD.toMillis() * i / this.count);
				clock.set(at);
				Template template = templates.get(random.nextInt(templates.size()));
				StoredDiagnosis stored = template.store(store.beginImport(context(random, i, at)));
				if (i % sampleEvery == 0) {
					sample.add(stored.id());
				}
			}
			store.index().commit();
			store.index().refresh();
			double seconds = (System.nanoTime() - started) / 1e9;
			long size = size(directory);
			this.out.printf("indexing, bulk import with one commit at the end: %d diagnoses in %.1f s = %.0f "
					+ "diagnoses/s%n", this.count, seconds, this.count / seconds);
			this.out.printf("index size: %.1f MB, %d bytes per diagnosis (Diagnosis JSON, log, facets, full text)%n",
					size / 1e6, size / this.count);
			HistorySearch search = new HistorySearch(store.index());
			latency("similar-failure query (same pattern and captures, same pattern, same signature, text-similar)",
					sample, (id) -> search.similar(id).orElseThrow());
			List<HistoryViews.Query> periods = new ArrayList<>();
			for (int i = 0; i < Math.max(2, this.queries / 4); i++) {
				periods
					.add(HistoryViews.Query.period(start.plus(Duration.ofDays(random.nextInt((int) PERIOD.toDays())))));
			}
			latency("faceted stats query (6 facets, unknown rate, trend per day, feedback) since a random day", periods,
					search::stats);
		}
	}

	private void durable(Path directory, List<Template> templates, Random random) throws Exception {
		try (LuceneDiagnosisStore store = new LuceneDiagnosisStore(
				HistoryIndex.open(directory, DataSize.ofMegabytes(16).toBytes()), properties(directory, "0s"),
				Clock.systemUTC())) {
			long started = System.nanoTime();
			for (int i = 0; i < this.durableCount; i++) {
				templates.get(random.nextInt(templates.size())).store(store.begin(context(random, i, Instant.now())));
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			this.out.printf(
					"durable acknowledgements, one at a time, each committed (fsync) before it returns: %d "
							+ "diagnoses in %.1f s = %.0f diagnoses/s%n",
					this.durableCount, seconds, this.durableCount / seconds);
			List<JobContext> contexts = new ArrayList<>();
			for (int i = 0; i < this.durableCount; i++) {
				contexts.add(context(random, i, Instant.now()));
			}
			started = System.nanoTime();
			try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
				List<Future<StoredDiagnosis>> acknowledged = new ArrayList<>();
				for (int i = 0; i < this.durableCount; i++) {
					Template template = templates.get(i % templates.size());
					JobContext context = contexts.get(i);
					acknowledged.add(writers.submit(() -> template.store(store.begin(context))));
				}
				for (Future<StoredDiagnosis> done : acknowledged) {
					done.get();
				}
			}
			seconds = (System.nanoTime() - started) / 1e9;
			this.out.printf("durable acknowledgements, %d writers at once sharing commits: %d diagnoses in %.1f s = "
					+ "%.0f diagnoses/s%n", WRITERS, this.durableCount, seconds, this.durableCount / seconds);
		}
	}

	private void logCost(Path directory, DiagnosisEngine engine) throws IOException {
		byte[] log = SyntheticTrace.generate(this.logMegabytes * 1_000_000L, this.seed);
		try (LuceneDiagnosisStore store = new LuceneDiagnosisStore(
				HistoryIndex.open(directory, DataSize.ofMegabytes(16).toBytes()), properties(directory, "0s"),
				Clock.systemUTC())) {
			long before = size(directory);
			DiagnosisService service = new DiagnosisService(engine, Probing.none("benchmark"), store, (event) -> {
			}, Long.MAX_VALUE);
			service.diagnose(new ByteArrayInputStream(log), JobContext.of(JobContext.Source.CLI));
			store.index().commit();
			long grown = size(directory) - before;
			this.out.printf(
					"a %d MB log costs %.1f MB of index: %.2f MB per MB of log (stored lines with numbers, "
							+ "sections and colours, compressed; the first 16 MB indexed for full-text search)%n",
					this.logMegabytes, grown / 1e6, grown / 1e6 / this.logMegabytes);
		}
	}

	private <T> void latency(String name, List<T> inputs, Function<T, ?> query) {
		int warmup = Math.max(1, this.queries / 10);
		for (int i = 0; i < warmup; i++) {
			query.apply(inputs.get(i % inputs.size()));
		}
		double[] millis = new double[this.queries];
		for (int i = 0; i < this.queries; i++) {
			T input = inputs.get((warmup + i) % inputs.size());
			long started = System.nanoTime();
			query.apply(input);
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		double[] sorted = millis.clone();
		Arrays.sort(sorted);
		double p99 = sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)];
		this.out.printf("%s: median %.2f ms, p99 %.2f ms over %d queries%n", name, Measurements.median(millis), p99,
				this.queries);
	}

	private List<Template> templates(DiagnosisEngine engine, Random random) throws IOException {
		List<Template> templates = new ArrayList<>();
		for (int i = 0; i < this.templateCount; i++) {
			String pod = "runner-" + Integer.toString(random.nextInt(1 << 20), 36) + "-project-" + random.nextInt(500)
					+ "-concurrent-0";
			String log = switch (i % 10) {
				case 0, 1, 2, 3, 4 -> rbacLog("ns-" + (i % 40), pod);
				case 5, 6, 7 -> unknownLog(pod, WORDS[random.nextInt(WORDS.length)],
						WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)], random);
				case 8 -> "Running on " + pod + " via manager...\n$ make test\nFAIL: test_"
						+ WORDS[random.nextInt(WORDS.length)] + " (0.0" + random.nextInt(10) + "s)\n"
						+ "ERROR: Job failed: command terminated with exit code 1\n";
				default -> "Running on " + pod + " via manager...\n$ make\nok\nJob succeeded\n";
			};
			templates.add(Template.of(engine, log));
		}
		return templates;
	}

	private static String rbacLog(String namespace, String pod) {
		return "Running with gitlab-runner 17.5.0 (12030cf4)\nPreparing the \"kubernetes\" executor\n"
				+ "Using Kubernetes namespace: " + namespace + "\nRunning on " + pod + " via manager...\n"
				+ "ERROR: Job failed (system failure): prepare environment: secrets is forbidden: User "
				+ "\"system:serviceaccount:" + namespace + ":default\" cannot create resource \"secrets\" in API "
				+ "group \"\" in the namespace \"" + namespace + "\"\n";
	}

	private static String unknownLog(String pod, String first, String second, String third, Random random) {
		return "Running with gitlab-runner 17.5.0 (12030cf4)\nPreparing the \"kubernetes\" executor\nRunning on " + pod
				+ " via manager...\nERROR: Job failed (system failure): prepare environment: " + first + " " + second
				+ " rejected the " + third + " at 10.0." + random.nextInt(255) + "." + random.nextInt(255) + ":"
				+ (1024 + random.nextInt(60000)) + "\n";
	}

	private JobContext context(Random random, int job, Instant at) {
		String project = "group-" + random.nextInt(10) + "/app-" + random.nextInt(50);
		return new JobContext(JobContext.Source.WEBHOOK, at, "https://gitlab.example.com", project, 1000L + job % 50,
				(long) job, "https://gitlab.example.com/" + project + "/-/jobs/" + job, "build", job / 5L,
				(random.nextInt(4) == 0) ? "release" : "main", null, null, "runner-" + random.nextInt(10), null);
	}

	private static HistoryProperties properties(Path directory, String commitInterval) {
		return new HistoryProperties(true, directory, Duration.ofDays(3650), DataSize.ofTerabytes(1),
				Duration.ofDays(1), Duration.parse("PT" + commitInterval.toUpperCase()), DataSize.ofMegabytes(16));
	}

	private static long size(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

	private static void delete(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	/**
	 * A log diagnosed once, with the redacted events the engine handed over, replayed
	 * into a draft for every synthetic diagnosis made from it.
	 */
	private record Template(Diagnosis diagnosis, List<Object> events) {

		static Template of(DiagnosisEngine engine, String log) throws IOException {
			List<Object> events = new ArrayList<>();
			Diagnosis diagnosis = engine.diagnose(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
					new TraceListener() {

						@Override
						public void onLine(TraceLine line) {
							events.add(line);
						}

						@Override
						public void onSectionStart(TraceSection section) {
							events.add(section);
						}

						@Override
						public void onSectionEnd(TraceSection section) {
							events.add(section);
						}

					});
			return new Template(diagnosis, events);
		}

		boolean unknown() {
			return this.diagnosis.category() == io.tracedoc.pattern.Category.UNKNOWN;
		}

		StoredDiagnosis store(DiagnosisStore.Draft draft) {
			for (Object event : this.events) {
				if (event instanceof TraceLine line) {
					draft.onLine(line);
				}
				else {
					draft.onSectionEnd((TraceSection) event);
				}
			}
			return draft.complete(this.diagnosis);
		}

	}

}
