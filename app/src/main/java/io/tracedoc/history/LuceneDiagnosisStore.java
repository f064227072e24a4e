package io.tracedoc.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisIds;
import io.tracedoc.diagnosis.DiagnosisStore;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.Redactor;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.pattern.Category;
import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceSection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps every diagnosis in the {@link HistoryIndex}: the redacted log streams into a
 * spool while the engine reads it, and the whole diagnosis is added as one block when it
 * completes. With the default commit interval of zero, {@link Draft#complete} returns
 * only once the diagnosis is committed, so whatever was acknowledged survives a crash.
 * Enforces retention by age and size in the background.
 */
@Component
@ConditionalOnBooleanProperty(name = "tracedoc.history.enabled", matchIfMissing = true)
public final class LuceneDiagnosisStore implements DiagnosisStore, AutoCloseable {

	private static final Log logger = LogFactory.getLog(LuceneDiagnosisStore.class);

	private final HistoryIndex index;

	private final HistoryProperties properties;

	private final Clock clock;

	private final Path spillDirectory = Path.of(System.getProperty("java.io.tmpdir"));

	private final ScheduledExecutorService maintenance;

	/**
	 * Opens the index in the configured directory. A component rather than a bean method:
	 * scanned components are registered before any configuration's bean methods, so the
	 * in-memory default's {@code @ConditionalOnMissingBean} reliably sees this store.
	 * @param properties where the index is, commit interval and retention
	 */
	@Autowired
	LuceneDiagnosisStore(HistoryProperties properties) {
		this(HistoryIndex.open(properties.directory(), properties.indexedLogSize().toBytes()), properties,
				Clock.systemUTC());
	}

	/**
	 * @param index the open index; closed with this store
	 * @param properties commit interval and retention
	 * @param clock the time diagnoses are stored at
	 */
	public LuceneDiagnosisStore(HistoryIndex index, HistoryProperties properties, Clock clock) {
		this.index = index;
		this.properties = properties;
		this.clock = clock;
		this.maintenance = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("tracedoc-history-maintenance").daemon(true).factory());
		long retention = properties.retentionInterval().toMillis();
		this.maintenance.scheduleWithFixedDelay(this::enforceRetentionQuietly, retention, retention,
				TimeUnit.MILLISECONDS);
		if (!properties.commitInterval().isZero()) {
			long commit = properties.commitInterval().toMillis();
			this.maintenance.scheduleWithFixedDelay(index::commit, commit, commit, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public Draft begin(JobContext context) {
		return new LuceneDraft(context, false);
	}

	/**
	 * Starts storing a diagnosis of a bulk import (a benchmark, a migration): like
	 * {@link #begin}, but completing it neither refreshes the searchers nor commits, so
	 * nothing is durable or searchable until the importer calls
	 * {@link HistoryIndex#commit()} and {@link HistoryIndex#refresh()}.
	 * @param context where the log came from
	 * @return the draft to feed and then complete or abandon
	 */
	public Draft beginImport(JobContext context) {
		return new LuceneDraft(context, true);
	}

	@Override
	public Optional<StoredDiagnosis> find(String id) {
		return this.index.find(id);
	}

	@Override
	public Optional<LogPage> log(String id, int fromIndex, int count) {
		return this.index.log(id, fromIndex, count);
	}

	/**
	 * Records what a person said about a diagnosis, replacing what they said before.
	 * @param id the diagnosis
	 * @param verdict right or wrong
	 * @param correctCategory the category it should have had, or {@code null}
	 * @param note free text, or {@code null}; redacted like a log line
	 * @return the feedback as stored, or empty when the diagnosis is unknown
	 */
	public Optional<Feedback> feedback(String id, Feedback.Verdict verdict, Category correctCategory, String note) {
		return find(id).map((stored) -> {
			Feedback feedback = new Feedback(id, verdict, correctCategory,
					(note != null && !note.isBlank()) ? Redactor.redactValue(note.strip()) : null,
					this.clock.instant());
			durable(this.index.feedback(feedback, stored));
			return feedback;
		});
	}

	/**
	 * Deletes what is older than the configured age, then the oldest diagnoses beyond the
	 * configured size.
	 * @return how many diagnoses were deleted
	 */
	public int enforceRetention() {
		Instant cutoff = this.clock.instant().minus(this.properties.maxAge());
		return this.index.enforceRetention(cutoff, this.properties.maxSize().toBytes());
	}

	/**
	 * @return the index
	 */
	public HistoryIndex index() {
		return this.index;
	}

	@Override
	public void close() {
		this.maintenance.shutdownNow();
		this.index.close();
	}

	private void enforceRetentionQuietly() {
		try {
			int deleted = enforceRetention();
			if (deleted > 0) {
				logger.info("history retention deleted " + deleted + " diagnoses");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("history retention failed; it runs again later", ex);
		}
	}

	private void durable(long sequence) {
		this.index.refresh();
		if (this.properties.commitInterval().isZero()) {
			this.index.commitThrough(sequence);
		}
	}

	private final class LuceneDraft implements Draft {

		private final JobContext context;

		private final LogSpool log = new LogSpool(LuceneDiagnosisStore.this.spillDirectory);

		private final TreeMap<Integer, TraceSection> sections = new TreeMap<>();

		private final boolean imported;

		LuceneDraft(JobContext context, boolean imported) {
			this.context = context;
			this.imported = imported;
		}

		@Override
		public void onLine(TraceLine line) {
			this.log.add(line);
		}

		@Override
		public void onSectionStart(TraceSection section) {
			this.sections.put(section.id(), section);
		}

		@Override
		public void onSectionEnd(TraceSection section) {
			this.sections.put(section.id(), section);
		}

		@Override
		public StoredDiagnosis complete(Diagnosis diagnosis) {
			try {
				this.log.finish();
				String id = DiagnosisIds.next();
				StoredDiagnosis stored = new StoredDiagnosis(id, LuceneDiagnosisStore.this.clock.instant(),
						this.context, diagnosis.withId(id));
				long sequence = LuceneDiagnosisStore.this.index.add(stored, LogCodec.sections(this.sections.values()),
						this.log);
				if (!this.imported) {
					durable(sequence);
				}
				return stored;
			}
			finally {
				this.log.close();
			}
		}

		@Override
		public void abandon() {
			this.log.close();
		}

	}

}
