package io.tracedoc.gitlab;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Takes queued failed jobs as soon as they are due and processes them, on a few threads
 * of its own: the webhook only queues, so GitLab gets its answer in milliseconds.
 */
final class WebhookWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(WebhookWorker.class);

	private final WebhookJournal journal;

	private final FailedJobProcessor processor;

	private final int threads;

	/** How often outcomes and note ids older than {@code keep} are forgotten. */
	private static final Duration PRUNE_INTERVAL = Duration.ofHours(1);

	private final List<Thread> running = new ArrayList<>();

	private final Duration keep;

	private ScheduledExecutorService pruning;

	/**
	 * @param journal the queue
	 * @param processor what is done with each job
	 * @param threads how many jobs are processed at once
	 * @param keep how long outcomes and pipeline note ids are remembered
	 */
	WebhookWorker(WebhookJournal journal, FailedJobProcessor processor, int threads, Duration keep) {
		this.journal = journal;
		this.processor = processor;
		this.threads = threads;
		this.keep = keep;
	}

	@Override
	public synchronized void start() {
		for (int i = 0; i < this.threads; i++) {
			this.running.add(Thread.ofPlatform().name("gitlab-webhook-" + i).daemon().start(this::work));
		}
		this.pruning = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("gitlab-journal-pruning").daemon().factory());
		this.pruning.scheduleWithFixedDelay(this::prune, 0, PRUNE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void prune() {
		try {
			int forgotten = this.journal.forget(Instant.now().minus(this.keep));
			if (forgotten > 0) {
				logger.info("Forgot " + forgotten + " GitLab job outcomes and pipeline notes older than " + this.keep);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not prune the GitLab journal", ex);
		}
	}

	private void work() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				this.processor.process(this.journal.take());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				// the journal could not be written (disk full?): the job stays queued for
				// the next start
				logger.error("GitLab webhook worker failed", ex);
			}
		}
	}

	/**
	 * Processes every job due now, on the caller's thread: the worker's loop without the
	 * threads, so tests drive the queue step by step.
	 * @return how many jobs were processed
	 */
	int processDue() {
		int processed = 0;
		FailedJob job;
		while ((job = this.journal.poll()) != null) {
			this.processor.process(job);
			processed++;
		}
		return processed;
	}

	@Override
	public synchronized void stop() {
		if (this.pruning != null) {
			this.pruning.shutdownNow();
		}
		this.running.forEach(Thread::interrupt);
		for (Thread thread : this.running) {
			try {
				// a job being processed finishes or stays queued; never half-answered
				thread.join(30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.running.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.running.isEmpty();
	}

}
