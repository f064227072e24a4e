package io.tracedoc.gitlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.tracedoc.gitlab.WebhookJournal.JobOutcome;
import io.tracedoc.gitlab.WebhookJournal.Offer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebhookJournal}: durable, bounded, idempotent per job.
 */
class WebhookJournalTests {

	@TempDir
	Path directory;

	@Test
	void keepsWaitingJobsAcrossARestartInTheOrderTheyArrived() {
		WebhookJournal journal = new WebhookJournal(this.directory, 10);
		journal.offer(job(3, Instant.parse("2026-11-23T10:00:02Z")));
		journal.offer(job(1, Instant.parse("2026-11-23T10:00:00Z")));
		journal.offer(job(2, Instant.parse("2026-11-23T10:00:01Z")));

		WebhookJournal reopened = new WebhookJournal(this.directory, 10);

		assertThat(reopened.size()).isEqualTo(3);
		assertThat(reopened.poll().jobId()).isEqualTo(1);
		assertThat(reopened.poll().jobId()).isEqualTo(2);
		assertThat(reopened.poll().jobId()).isEqualTo(3);
		assertThat(reopened.poll()).isNull();
	}

	@Test
	void refusesBeyondItsCapacityAndTakesAgainOnceAJobIsDone() {
		WebhookJournal journal = new WebhookJournal(this.directory, 2);
		assertThat(journal.offer(job(1, Instant.EPOCH))).isEqualTo(Offer.ACCEPTED);
		assertThat(journal.offer(job(2, Instant.EPOCH))).isEqualTo(Offer.ACCEPTED);
		assertThat(journal.offer(job(3, Instant.EPOCH))).isEqualTo(Offer.FULL);
		assertThat(journal.full()).isTrue();

		FailedJob first = journal.poll();
		journal.finish(first, new JobOutcome("gitlab", first.jobId(), "abcdefghjkmn", null, 0, Instant.EPOCH));

		assertThat(journal.offer(job(3, Instant.EPOCH))).isEqualTo(Offer.ACCEPTED);
		assertThat(journal.offer(first)).isEqualTo(Offer.DUPLICATE);
	}

	@Test
	void forgetsOutcomesAndNotesOlderThanItKeepsThemButNeverAWaitingJob() throws IOException {
		WebhookJournal journal = new WebhookJournal(this.directory, 10);
		for (long id : new long[] { 1, 2 }) {
			journal.offer(job(id, Instant.EPOCH));
			FailedJob taken = journal.poll();
			journal.finish(taken, new JobOutcome("gitlab", taken.jobId(), "abcdefghjkmn", null, 0, Instant.EPOCH));
		}
		PipelineNote note = new PipelineNote("gitlab", 380, 2366, 12L, null, null, 7L, List.of(), "note");
		journal.saveNote(note);
		journal.offer(job(3, Instant.EPOCH));
		Instant cutoff = Instant.now().minus(Duration.ofDays(30));
		Files.setLastModifiedTime(this.directory.resolve("done/" + FailedJob.key("gitlab", 1) + ".json"),
				FileTime.from(cutoff.minusSeconds(1)));
		Files.setLastModifiedTime(this.directory.resolve("pipelines/" + note.key() + ".json"),
				FileTime.from(cutoff.minusSeconds(1)));

		assertThat(journal.forget(cutoff)).isEqualTo(2);

		assertThat(journal.outcome("gitlab", 1)).isEmpty();
		assertThat(journal.outcome("gitlab", 2)).isPresent();
		assertThat(journal.note(note.key())).isEmpty();
		assertThat(journal.offer(job(1, Instant.EPOCH))).as("forgotten: counts as new").isEqualTo(Offer.ACCEPTED);
		assertThat(journal.offer(job(2, Instant.EPOCH))).isEqualTo(Offer.DUPLICATE);
		assertThat(new WebhookJournal(this.directory, 10).size()).as("jobs still waiting are kept").isEqualTo(2);
	}

	@Test
	void aRetriedJobIsDueOnlyAfterItsBackoff() {
		WebhookJournal journal = new WebhookJournal(this.directory, 2);
		journal.offer(job(1, Instant.EPOCH));
		FailedJob taken = journal.poll();

		journal.retryLater(taken.failedAttempt("GitLab answered 503"), Duration.ofHours(1));

		assertThat(journal.poll()).isNull();
		assertThat(journal.size()).isEqualTo(1);
		WebhookJournal reopened = new WebhookJournal(this.directory, 2);
		assertThat(reopened.poll()).satisfies((job) -> {
			assertThat(job.attempts()).isEqualTo(1);
			assertThat(job.lastError()).isEqualTo("GitLab answered 503");
		});
	}

	@Test
	void concurrentDeliveriesOfOneJobQueueItOnce() throws Exception {
		WebhookJournal journal = new WebhookJournal(this.directory, 100);
		List<Future<Offer>> offers = new ArrayList<>();
		try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 32; i++) {
				offers.add(senders.submit(() -> journal.offer(job(1, Instant.EPOCH))));
			}
		}
		List<Offer> answers = new ArrayList<>();
		for (Future<Offer> offer : offers) {
			answers.add(offer.get());
		}

		assertThat(answers).containsOnlyOnce(Offer.ACCEPTED).containsOnly(Offer.ACCEPTED, Offer.DUPLICATE);
		assertThat(journal.size()).isEqualTo(1);
	}

	@Test
	void setsAsideAnUnreadableEntryInsteadOfFailingToStart() throws IOException {
		new WebhookJournal(this.directory, 2);
		Files.writeString(this.directory.resolve("pending/gitlab-9.json"), "{ half a file");

		WebhookJournal journal = new WebhookJournal(this.directory, 2);

		assertThat(journal.size()).isZero();
		assertThat(this.directory.resolve("pending/gitlab-9.json.unreadable")).exists();
	}

	private static FailedJob job(long jobId, Instant receivedAt) {
		return new FailedJob("gitlab", 380, "gitlab-org/gitlab-test", jobId, "test", 2366L, "main", FakeGitLab.SHA,
				null, null, receivedAt, 0, null, null);
	}

}
