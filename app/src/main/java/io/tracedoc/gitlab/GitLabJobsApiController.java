package io.tracedoc.gitlab;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tracedoc.gitlab.WebhookJournal.JobOutcome;
import io.tracedoc.system.Problems;
import io.tracedoc.system.PublicAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What became of a failed job the webhook received: the answer to "why did tracedoc not
 * comment on my merge request?".
 */
@RestController
@Tag(name = "GitLab webhook")
class GitLabJobsApiController {

	private final ObjectProvider<WebhookJournal> journal;

	private final PublicAddress address;

	GitLabJobsApiController(ObjectProvider<WebhookJournal> journal, PublicAddress address) {
		this.journal = journal;
		this.address = address;
	}

	@Operation(summary = "What became of a failed job the GitLab webhook received",
			description = "waiting (with the attempts so far and the last error), answered (with the diagnosis), "
					+ "or given-up (with the reason, e.g. GitLab answered 403). Jobs are remembered for "
					+ "tracedoc.gitlab.queue.keep (30 days).")
	@ApiResponse(responseCode = "200", description = "the job's state")
	@ApiResponse(responseCode = "404", description = "no such job received, or the webhook is not configured",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping(path = "/api/v1/gitlab/{instance}/jobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
	JobStatus job(@PathVariable String instance, @PathVariable long jobId) {
		WebhookJournal queue = this.journal.getIfAvailable();
		if (queue == null) {
			throw Problems.of(HttpStatus.NOT_FOUND, "GitLab webhook not configured",
					"No GitLab instance with a webhook secret is configured, so tracedoc receives no failed jobs.");
		}
		return queue.waiting(instance, jobId)
			.map((job) -> new JobStatus(instance, jobId, "waiting", job.attempts(), job.lastError(), job.diagnosisId(),
					permalink(job.diagnosisId()), null))
			.or(() -> queue.outcome(instance, jobId).map(this::status))
			.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "No such job",
					"tracedoc has not received failed job " + jobId + " of GitLab instance '" + instance
							+ "', or has forgotten it (tracedoc.gitlab.queue.keep)."));
	}

	private JobStatus status(JobOutcome outcome) {
		return new JobStatus(outcome.instance(), outcome.jobId(), (outcome.failure() == null) ? "answered" : "given-up",
				outcome.attempts(), outcome.failure(), outcome.diagnosisId(), permalink(outcome.diagnosisId()),
				outcome.finishedAt());
	}

	private String permalink(String diagnosisId) {
		return this.address.permalink(diagnosisId).orElse(null);
	}

	/**
	 * A received job's state.
	 *
	 * @param instance the GitLab instance's name
	 * @param jobId the job's id
	 * @param state {@code waiting}, {@code answered} or {@code given-up}
	 * @param attempts attempts that failed for a passing reason so far
	 * @param reason the last error while waiting, why it was given up, or {@code null}
	 * @param diagnosisId the diagnosis, once made
	 * @param permalink its page, when {@code tracedoc.public-url} is set
	 * @param finishedAt when processing ended, {@code null} while waiting
	 */
	record JobStatus(String instance, long jobId, String state, int attempts, String reason, String diagnosisId,
			String permalink, Instant finishedAt) {

	}

}
