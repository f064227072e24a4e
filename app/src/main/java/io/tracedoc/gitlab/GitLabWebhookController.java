package io.tracedoc.gitlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tracedoc.gitlab.GitLabInstances.GitLabInstance;
import io.tracedoc.gitlab.WebhookEvents.Announced;
import io.tracedoc.gitlab.WebhookJournal.Offer;
import io.tracedoc.system.Problems;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives GitLab's project and group webhooks (Job events, Pipeline events). Checks the
 * secret token before reading anything, queues the failed jobs durably and answers at
 * once: 202 when queued, 200 when there is nothing to do (not a failed job, already
 * received), 429 when the queue is full so that GitLab sends the event again later.
 */
@RestController
class GitLabWebhookController {

	/** Seconds GitLab is asked to wait before sending again when the queue is full. */
	static final int RETRY_AFTER_SECONDS = 60;

	private final GitLabInstances instances;

	private final ObjectProvider<WebhookJournal> journal;

	private final long maxEventBytes;

	GitLabWebhookController(GitLabInstances instances, ObjectProvider<WebhookJournal> journal,
			GitLabProperties properties) {
		this.instances = instances;
		this.journal = journal;
		this.maxEventBytes = properties.maxEventSize().toBytes();
	}

	@PostMapping("/hooks/gitlab")
	ResponseEntity<Object> receive(@RequestHeader(name = "X-Gitlab-Token", required = false) String token,
			HttpServletRequest request) throws IOException {
		WebhookJournal queue = this.journal.getIfAvailable();
		if (queue == null) {
			throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "GitLab webhook not configured",
					"No GitLab instance with a webhook secret is configured (tracedoc.gitlab.instances.<name>."
							+ "webhook-secret), so tracedoc accepts no webhook. See the README, section GitLab webhook.");
		}
		GitLabInstance instance = this.instances.forWebhookToken(token)
			.orElseThrow(() -> Problems.of(HttpStatus.UNAUTHORIZED, "Wrong webhook token",
					"The X-Gitlab-Token header is missing or is not the secret token of a configured GitLab "
							+ "instance; nothing was processed."));
		if (queue.full()) {
			// before reading the body: a full queue is answered as fast as can be
			return queueFull(queue);
		}
		Announced announced;
		try {
			announced = WebhookEvents.read(body(request), instance, Instant.now());
		}
		catch (IllegalArgumentException ex) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Not a GitLab event", ex.getMessage());
		}
		if (announced.ignoredBecause() != null) {
			return ResponseEntity.ok(answer("ignored", announced.ignoredBecause(), List.of()));
		}
		List<Long> accepted = new ArrayList<>();
		boolean full = false;
		for (FailedJob job : announced.jobs()) {
			Offer offer = queue.offer(job);
			if (offer == Offer.ACCEPTED) {
				accepted.add(job.jobId());
			}
			full |= offer == Offer.FULL;
		}
		if (full) {
			return queueFull(queue);
		}
		if (accepted.isEmpty()) {
			return ResponseEntity.ok(answer("duplicate", "these jobs were already received", List.of()));
		}
		return ResponseEntity.accepted().body(answer("accepted", "queued for diagnosis", accepted));
	}

	/** GitLab sends the event again later: its retries are the overflow. */
	private static ResponseEntity<Object> queueFull(WebhookJournal queue) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"tracedoc's queue of failed jobs is full (tracedoc.gitlab.queue.capacity = " + queue.capacity()
						+ "); send the event again later.");
		problem.setTitle("Queue full");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private String body(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(Math.toIntExact(Math.min(this.maxEventBytes + 1, Integer.MAX_VALUE - 8)));
			if (bytes.length > this.maxEventBytes) {
				throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Event too large",
						"The event is larger than tracedoc.gitlab.max-event-size; nothing was processed.");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private static Map<String, Object> answer(String status, String detail, List<Long> jobs) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("status", status);
		answer.put("detail", detail);
		answer.put("jobs", jobs);
		return answer;
	}

}
