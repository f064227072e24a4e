package io.tracedoc.gitlab;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.tracedoc.system.WebAddresses;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How tracedoc talks to GitLab: the instances it reads job logs from and answers on, and
 * how webhook events are queued and retried. Checked at start-up: a bad value stops the
 * service with a sentence naming the property.
 *
 * @param instances the GitLab instances by name (lower-case letters, digits and dashes);
 * none configured means job URLs cannot be fetched and the webhook answers 503
 * @param dryRun {@code true}: diagnose every failed job and keep the rendered note in the
 * journal and the log, but post nothing to GitLab
 * @param requestTimeout how long one GitLab API request may take (connect and read)
 * @param maxEventSize the largest webhook body accepted
 * @param queue the durable queue of accepted webhook events
 * @param retry how failed GitLab calls (5xx, timeouts, unreachable) are retried
 */
@ConfigurationProperties("tracedoc.gitlab")
public record GitLabProperties(Map<String, Instance> instances, @DefaultValue("false") boolean dryRun,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("4MB") DataSize maxEventSize,
		@DefaultValue Queue queue, @DefaultValue Retry retry) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	public GitLabProperties {
		instances = (instances != null) ? Map.copyOf(instances) : Map.of();
		instances.forEach((name, instance) -> {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("tracedoc.gitlab.instances." + name
						+ ": name it with lower-case letters, digits and dashes (at most 40)");
			}
			instance.check("tracedoc.gitlab.instances." + name);
		});
		if (requestTimeout.isNegative() || requestTimeout.isZero()) {
			throw new IllegalArgumentException(
					"tracedoc.gitlab.request-timeout must be positive, was " + requestTimeout);
		}
		if (maxEventSize.toBytes() < 1024) {
			throw new IllegalArgumentException(
					"tracedoc.gitlab.max-event-size must be at least 1KB, was " + maxEventSize);
		}
	}

	/**
	 * One GitLab instance.
	 *
	 * @param url its base URL ({@code https://gitlab.example.com}), as in job URLs
	 * @param token an access token with the {@code api} scope (read jobs and traces,
	 * write notes); from a secret, never from a request
	 * @param webhookSecret the secret token its webhooks send in {@code X-Gitlab-Token};
	 * without one, this instance's webhooks are refused
	 * @param optOut projects, by full path ({@code group/project}) or numeric id, whose
	 * events are ignored
	 */
	public record Instance(URI url, String token, String webhookSecret, List<String> optOut) {

		public Instance {
			optOut = (optOut != null) ? List.copyOf(optOut) : List.of();
		}

		boolean receivesWebhooks() {
			return this.webhookSecret != null && !this.webhookSecret.isBlank();
		}

		void check(String property) {
			if (this.url == null) {
				throw new IllegalArgumentException(property + ".url: set the instance's base URL");
			}
			WebAddresses.require(this.url, property + ".url", "https://gitlab.example.com");
			if (this.token == null || this.token.isBlank()) {
				throw new IllegalArgumentException(property + ".token: set an access token with the api scope");
			}
			if (this.webhookSecret != null && !this.webhookSecret.isEmpty() && this.webhookSecret.length() < 16) {
				throw new IllegalArgumentException(
						property + ".webhook-secret: use at least 16 characters, a random one is best");
			}
		}

	}

	/**
	 * The durable queue of accepted webhook events.
	 *
	 * @param directory where accepted events, outcomes and note ids are kept, created
	 * when missing
	 * @param capacity how many events may wait; beyond it the webhook answers 429 and
	 * GitLab retries later
	 * @param workers how many events are processed at the same time
	 * @param keep how long what became of each job and each pipeline's note id are
	 * remembered: a redelivery within it is a duplicate, a later failed job of the
	 * pipeline edits the same note
	 */
	public record Queue(@DefaultValue("./data/gitlab") Path directory, @DefaultValue("1000") int capacity,
			@DefaultValue("2") int workers, @DefaultValue("30d") Duration keep) {

		public Queue {
			if (capacity < 1) {
				throw new IllegalArgumentException(
						"tracedoc.gitlab.queue.capacity must be at least 1, was " + capacity);
			}
			if (workers < 1) {
				throw new IllegalArgumentException("tracedoc.gitlab.queue.workers must be at least 1, was " + workers);
			}
			if (keep.compareTo(Duration.ofDays(1)) < 0) {
				throw new IllegalArgumentException(
						"tracedoc.gitlab.queue.keep must be at least 1d (GitLab redelivers for hours), was " + keep);
			}
		}

	}

	/**
	 * How GitLab calls that failed for a passing reason are retried: the event stays in
	 * the queue, so retries survive a restart too.
	 *
	 * @param maxAttempts attempts before the event is given up, with the reason stored
	 * @param initialBackoff the wait after the first failure, doubled after each one
	 * @param maxBackoff the longest wait
	 */
	public record Retry(@DefaultValue("8") int maxAttempts, @DefaultValue("5s") Duration initialBackoff,
			@DefaultValue("10m") Duration maxBackoff) {

		public Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException(
						"tracedoc.gitlab.retry.max-attempts must be at least 1, was " + maxAttempts);
			}
			if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException("tracedoc.gitlab.retry: initial-backoff must not be negative and "
						+ "max-backoff not below it, were " + initialBackoff + " and " + maxBackoff);
			}
		}

		/**
		 * @param attempts the attempts made so far (at least 1)
		 * @return how long to wait before the next one
		 */
		Duration backoff(int attempts) {
			Duration wait = this.initialBackoff;
			for (int i = 1; i < attempts && wait.compareTo(this.maxBackoff) < 0; i++) {
				wait = wait.multipliedBy(2);
			}
			return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
		}

	}

}
