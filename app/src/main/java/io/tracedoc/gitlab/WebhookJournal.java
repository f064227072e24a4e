package io.tracedoc.gitlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable, bounded queue of accepted webhook events, and what became of each job and
 * each pipeline's note. One small JSON file per job or pipeline, written to a temporary
 * file, forced to disk and renamed into place, so a crash leaves the old version or the
 * new one, never half of one. An event is acknowledged to GitLab only once its file is on
 * disk, so it survives a restart; a job's outcome file is what makes a redelivered event
 * a duplicate, also after a restart. Memory holds the waiting jobs only, at most
 * {@code capacity} of them.
 */
final class WebhookJournal {

	private static final Log logger = LogFactory.getLog(WebhookJournal.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Path pending;

	private final Path done;

	private final Path pipelines;

	private final Path tmp;

	private final int capacity;

	private final Map<String, FailedJob> waiting = new HashMap<>();

	private final DelayQueue<Due> due = new DelayQueue<>();

	/**
	 * Opens the journal, queueing again every job that was waiting when the service
	 * stopped.
	 * @param directory the journal's directory, created when missing
	 * @param capacity how many jobs may wait
	 * @throws UncheckedIOException when the directory cannot be used
	 */
	WebhookJournal(Path directory, int capacity) {
		this.capacity = capacity;
		this.pending = directory.resolve("pending");
		this.done = directory.resolve("done");
		this.pipelines = directory.resolve("pipelines");
		this.tmp = directory.resolve("tmp");
		try {
			for (Path dir : List.of(this.pending, this.done, this.pipelines, this.tmp)) {
				Files.createDirectories(dir);
			}
			try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(this.tmp)) {
				for (Path leftover : leftovers) {
					Files.deleteIfExists(leftover);
				}
			}
			reload();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot use the GitLab webhook queue in " + directory, ex);
		}
	}

	private void reload() throws IOException {
		List<FailedJob> jobs = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.pending, "*.json")) {
			for (Path file : files) {
				try {
					jobs.add(json.readValue(file.toFile(), FailedJob.class));
				}
				catch (JacksonException ex) {
					// written by hand or by another version: set aside, never a crash
					// loop
					Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"),
							StandardCopyOption.REPLACE_EXISTING);
					logger.warn("Set aside unreadable queued GitLab event " + file + ": " + ex.getOriginalMessage());
				}
			}
		}
		jobs.sort(Comparator.comparing(FailedJob::receivedAt).thenComparing((FailedJob job) -> job.key()));
		for (FailedJob job : jobs) {
			// a restart may find more than the capacity when it was lowered: keep them
			// all
			this.waiting.put(job.key(), job);
			this.due.add(new Due(job.key(), System.nanoTime()));
		}
		if (!jobs.isEmpty()) {
			logger.info("Queued again " + jobs.size() + " GitLab job(s) accepted before the restart");
		}
	}

	/**
	 * Queues a job durably. The slot is taken under the lock, the file is written outside
	 * it, so concurrent deliveries wait for their own disk write only.
	 * @param job a failed job an event announced
	 * @return whether it was queued
	 */
	Offer offer(FailedJob job) {
		String key = job.key();
		synchronized (this) {
			if (this.waiting.containsKey(key) || Files.exists(doneFile(key))) {
				return Offer.DUPLICATE;
			}
			if (this.waiting.size() >= this.capacity) {
				return Offer.FULL;
			}
			// reserved: counts towards the capacity, and a concurrent redelivery is a
			// duplicate
			this.waiting.put(key, job);
		}
		try {
			write(pendingFile(key), job);
		}
		catch (RuntimeException ex) {
			synchronized (this) {
				this.waiting.remove(key);
			}
			throw ex;
		}
		this.due.add(new Due(key, System.nanoTime()));
		return Offer.ACCEPTED;
	}

	/**
	 * Waits for the next job that is due.
	 * @return the job
	 * @throws InterruptedException when the worker is stopped
	 */
	FailedJob take() throws InterruptedException {
		while (true) {
			FailedJob job = waitingJob(this.due.take());
			if (job != null) {
				return job;
			}
		}
	}

	/**
	 * @return the next job that is due now, or {@code null}
	 */
	FailedJob poll() {
		Due next;
		while ((next = this.due.poll()) != null) {
			FailedJob job = waitingJob(next);
			if (job != null) {
				return job;
			}
		}
		return null;
	}

	private synchronized FailedJob waitingJob(Due next) {
		return this.waiting.get(next.key());
	}

	/**
	 * Records progress (the diagnosis made) without queueing the job again.
	 * @param job the job as it is now
	 */
	synchronized void save(FailedJob job) {
		write(pendingFile(job.key()), job);
		this.waiting.put(job.key(), job);
	}

	/**
	 * Queues a job again after an attempt failed for a passing reason.
	 * @param job the job after the failed attempt
	 * @param wait how long to wait before the next attempt
	 */
	synchronized void retryLater(FailedJob job, Duration wait) {
		save(job);
		this.due.add(new Due(job.key(), System.nanoTime() + wait.toNanos()));
	}

	/**
	 * Ends a job's processing: its outcome is kept, so a redelivered event is a
	 * duplicate.
	 * @param job the job
	 * @param outcome what became of it
	 */
	synchronized void finish(FailedJob job, JobOutcome outcome) {
		write(doneFile(job.key()), outcome);
		try {
			Files.deleteIfExists(pendingFile(job.key()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.waiting.remove(job.key());
	}

	/**
	 * @param instance the instance's name
	 * @param jobId the job's id
	 * @return what became of the job, once processed
	 */
	Optional<JobOutcome> outcome(String instance, long jobId) {
		return read(doneFile(FailedJob.key(instance, jobId)), JobOutcome.class);
	}

	/**
	 * @param instance the instance's name
	 * @param jobId the job's id
	 * @return the job while it waits for its first or next attempt
	 */
	synchronized Optional<FailedJob> waiting(String instance, long jobId) {
		return Optional.ofNullable(this.waiting.get(FailedJob.key(instance, jobId)));
	}

	/**
	 * @return how many jobs wait
	 */
	synchronized int size() {
		return this.waiting.size();
	}

	/**
	 * @return {@code true} when no more jobs may wait
	 */
	synchronized boolean full() {
		return this.waiting.size() >= this.capacity;
	}

	/**
	 * @return how many jobs may wait
	 */
	int capacity() {
		return this.capacity;
	}

	/**
	 * @param key the pipeline's key ({@link PipelineNote#key})
	 * @return the pipeline's note, once one was written
	 */
	Optional<PipelineNote> note(String key) {
		return read(this.pipelines.resolve(key + ".json"), PipelineNote.class);
	}

	/**
	 * @param note the pipeline's note as posted
	 */
	void saveNote(PipelineNote note) {
		write(this.pipelines.resolve(note.key() + ".json"), note);
	}

	/**
	 * Forgets what became of jobs and pipelines last written before a time: a redelivery
	 * of such a job counts as new, and a later failed job of such a pipeline gets a new
	 * note. Jobs still waiting are kept.
	 * @param before the oldest time kept
	 * @return how many entries were forgotten
	 */
	int forget(Instant before) {
		int forgotten = 0;
		for (Path directory : List.of(this.done, this.pipelines)) {
			try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
				for (Path file : files) {
					if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
						forgotten++;
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot prune the GitLab journal in " + directory, ex);
			}
		}
		return forgotten;
	}

	private Path pendingFile(String key) {
		return this.pending.resolve(key + ".json");
	}

	private Path doneFile(String key) {
		return this.done.resolve(key + ".json");
	}

	private <T> Optional<T> read(Path file, Class<T> type) {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(json.readValue(file.toFile(), type));
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("unreadable GitLab journal file " + file, ex);
		}
	}

	/** Temporary file, forced to disk, renamed over the target, directory forced. */
	private void write(Path file, Object value) {
		try {
			Path temporary = Files.createTempFile(this.tmp, "entry", ".json");
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(json.writeValueAsBytes(value)));
				channel.force(true);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
				directory.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the GitLab journal file " + file, ex);
		}
	}

	/** What {@link #offer} did with a job. */
	enum Offer {

		/** Queued, on disk. */
		ACCEPTED,

		/** Already waiting or already processed: nothing done. */
		DUPLICATE,

		/** The queue is full: GitLab should send it again later. */
		FULL

	}

	/** A waiting job's next attempt. */
	private record Due(String key, long atNanos) implements Delayed {

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(this.atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(this.atNanos, ((Due) other).atNanos);
		}

	}

	/**
	 * What became of a job.
	 *
	 * @param instance the instance's name
	 * @param jobId the job's id
	 * @param diagnosisId the stored diagnosis, {@code null} when none could be made
	 * @param failure why the job could not be diagnosed or answered, {@code null} when
	 * all went well
	 * @param attempts how many attempts failed for a passing reason on the way
	 * @param finishedAt when processing ended
	 */
	record JobOutcome(String instance, long jobId, String diagnosisId, String failure, int attempts,
			Instant finishedAt) {

	}

}
