package io.tracedoc.diagnosis;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The one path every log takes, whoever sends it (web page, API, webhook, Slack):
 * diagnose while storing the redacted log, probe the cluster, store, announce.
 */
public class DiagnosisService {

	private final DiagnosisEngine engine;

	private final Probing probing;

	private final DiagnosisStore store;

	private final ApplicationEventPublisher events;

	private final long maxLogBytes;

	/**
	 * @param engine the diagnosis engine
	 * @param probing the probe phase
	 * @param store where diagnoses are kept
	 * @param events where {@link DiagnosisCompleted} is published
	 * @param maxLogBytes the largest log accepted
	 */
	public DiagnosisService(DiagnosisEngine engine, Probing probing, DiagnosisStore store,
			ApplicationEventPublisher events, long maxLogBytes) {
		this.engine = engine;
		this.probing = probing;
		this.store = store;
		this.events = events;
		this.maxLogBytes = maxLogBytes;
	}

	/**
	 * @param log the job log; read to its end, not closed
	 * @param context where it came from
	 * @return the stored diagnosis
	 * @throws LogTooLargeException when the log exceeds the limit; nothing is stored then
	 * @throws IOException when reading the log fails; nothing is stored then
	 */
	public StoredDiagnosis diagnose(InputStream log, JobContext context) throws IOException {
		DiagnosisStore.Draft draft = this.store.begin(context);
		StoredDiagnosis stored;
		try {
			Diagnosis diagnosis = this.engine.diagnose(new LimitedInputStream(log, this.maxLogBytes), draft);
			stored = draft.complete(this.probing.confirm(diagnosis, context));
		}
		catch (IOException | RuntimeException ex) {
			draft.abandon();
			throw ex;
		}
		this.events.publishEvent(new DiagnosisCompleted(stored));
		return stored;
	}

	/**
	 * @param id a permalink id
	 * @return the stored diagnosis
	 */
	public Optional<StoredDiagnosis> find(String id) {
		return DiagnosisIds.plausible(id) ? this.store.find(id) : Optional.empty();
	}

	/**
	 * @param id a permalink id
	 * @param fromIndex the first line wanted (0-based)
	 * @param count how many lines at most
	 * @return the slice of the stored log
	 */
	public Optional<DiagnosisStore.LogPage> log(String id, int fromIndex, int count) {
		return DiagnosisIds.plausible(id) ? this.store.log(id, fromIndex, count) : Optional.empty();
	}

	/**
	 * @return the largest log accepted, in bytes
	 */
	public long maxLogBytes() {
		return this.maxLogBytes;
	}

	/**
	 * Fails as soon as more than the limit has been read, so a huge upload is never read
	 * to its end.
	 */
	private static final class LimitedInputStream extends FilterInputStream {

		private final long limit;

		private long read;

		LimitedInputStream(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		@Override
		public void close() {
			// the caller owns the stream
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.limit) {
				throw new LogTooLargeException(this.limit);
			}
		}

	}

}
