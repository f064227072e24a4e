package io.tracedoc.gitlab;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.tracedoc.gitlab.GitLabJobsApiController.JobStatus;
import io.tracedoc.gitlab.WebhookJournal.JobOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.ErrorResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link GitLabJobsApiController}: what became of each received job, in each of
 * its states.
 */
class GitLabJobsApiControllerTests {

	@TempDir
	Path directory;

	@Test
	void tellsAWaitingJobWithItsAttemptsThenTheReasonItWasGivenUp() {
		WebhookJournal journal = new WebhookJournal(this.directory, 10);
		GitLabJobsApiController api = controller(journal);
		FailedJob job = new FailedJob("gitlab", 380, "group/app", 1977, "test", 2366L, "main", null, null, "runner",
				Instant.EPOCH, 0, null, null);
		journal.offer(job);
		journal.retryLater(journal.poll().failedAttempt("GitLab answered 502"), Duration.ofMinutes(1));

		JobStatus waiting = api.job("gitlab", 1977);
		assertThat(waiting.state()).isEqualTo("waiting");
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.reason()).isEqualTo("GitLab answered 502");
		assertThat(waiting.finishedAt()).isNull();

		journal.finish(job,
				new JobOutcome("gitlab", 1977, null, "GitLab answered 403 for the job's trace", 1, Instant.EPOCH));
		JobStatus givenUp = api.job("gitlab", 1977);
		assertThat(givenUp.state()).isEqualTo("given-up");
		assertThat(givenUp.reason()).isEqualTo("GitLab answered 403 for the job's trace");
		assertThat(givenUp.permalink()).isNull();
	}

	@Test
	void saysSoForAJobItNeverReceivedAndWithoutAWebhook() {
		assertThatThrownBy(() -> controller(new WebhookJournal(this.directory, 10)).job("gitlab", 4711))
			.isInstanceOfSatisfying(ErrorResponse.class,
					(problem) -> assertThat(problem.getStatusCode().value()).isEqualTo(404));
		assertThatThrownBy(
				() -> new GitLabJobsApiController(new StaticListableBeanFactory().getBeanProvider(WebhookJournal.class),
						FakeGitLab.ADDRESS)
					.job("gitlab", 4711))
			.isInstanceOfSatisfying(ErrorResponse.class,
					(problem) -> assertThat(problem.getBody().getTitle()).isEqualTo("GitLab webhook not configured"));
	}

	private static GitLabJobsApiController controller(WebhookJournal journal) {
		return new GitLabJobsApiController(
				new StaticListableBeanFactory(Map.of("journal", journal)).getBeanProvider(WebhookJournal.class),
				FakeGitLab.ADDRESS);
	}

}
