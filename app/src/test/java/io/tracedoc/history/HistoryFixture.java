package io.tracedoc.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.Probing;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.pattern.PatternLoader;
import io.tracedoc.system.ManualClock;

import org.springframework.util.unit.DataSize;

/**
 * A history on a real temporary directory with the real engine and a clock the test
 * moves: diagnose logs as the service does, then read them back.
 */
final class HistoryFixture implements AutoCloseable {

	static final DiagnosisEngine ENGINE = new DiagnosisEngine(PatternLoader.loadBundled());

	static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

	/** A runner without permission to create secrets in its namespace. */
	static String rbacLog(String namespace, String pod) {
		return "Running with gitlab-runner 17.5.0 (12030cf4)\n" + "Preparing the \"kubernetes\" executor\n"
				+ "Using Kubernetes namespace: " + namespace + "\n" + "Running on " + pod + " via runner-manager...\n"
				+ "ERROR: Job failed (system failure): prepare environment: secrets is forbidden: User "
				+ "\"system:serviceaccount:" + namespace + ":default\" cannot create resource \"secrets\" in API group "
				+ "\"\" in the namespace \"" + namespace + "\"\n";
	}

	/** A failure no pattern knows, with what changes from job to job inside. */
	static String unknownLog(String pod, int job, String hash) {
		return "Running with gitlab-runner 17.5.0 (12030cf4)\n" + "Preparing the \"kubernetes\" executor\n"
				+ "Running on " + pod + " via runner-manager...\n"
				+ "ERROR: Job failed (system failure): prepare environment: flux capacitor " + hash
				+ " lost its charge at 10.0.3." + job + ":" + (4000 + job) + " in /var/lib/flux/" + hash + ".dat\n";
	}

	final ManualClock clock = new ManualClock(START);

	final LuceneDiagnosisStore store;

	final HistorySearch search;

	final DiagnosisService service;

	HistoryFixture(Path directory) {
		this(directory, properties(directory, "0s"));
	}

	HistoryFixture(Path directory, HistoryProperties properties) {
		this.store = new LuceneDiagnosisStore(HistoryIndex.open(directory, properties.indexedLogSize().toBytes()),
				properties, this.clock);
		this.search = new HistorySearch(this.store.index());
		this.service = new DiagnosisService(ENGINE, Probing.none("no cluster in tests"), this.store, (event) -> {
		}, 100_000_000);
	}

	static HistoryProperties properties(Path directory, String commitInterval) {
		return new HistoryProperties(true, directory, Duration.ofDays(30), DataSize.ofGigabytes(1), Duration.ofHours(1),
				Duration.parse("PT" + commitInterval.toUpperCase()), DataSize.ofMegabytes(16));
	}

	StoredDiagnosis diagnose(String log, String project) {
		JobContext context = new JobContext(JobContext.Source.API, this.clock.instant(), "https://gitlab.example.com",
				project, 7L, 1000L, "https://gitlab.example.com/" + project + "/-/jobs/1000", "build", 55L, "main",
				null, null, "k8s-runner", null);
		try {
			return this.service.diagnose(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), context);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.store.close();
	}

}
