package io.tracedoc.gitlab;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import io.tracedoc.gitlab.GitLabInstances.GitLabInstance;

import org.springframework.util.unit.DataSize;

/**
 * Measures what bounds the webhook's answer to GitLab: reading a job event with gitlab4j,
 * and queueing it durably (file forced to disk, renamed, directory forced) before the
 * {@code 202}. Compared with reading alone and with a redelivered event (a duplicate),
 * which touches no disk but a lookup. The path of {@code tracedoc bench webhook}.
 */
public final class WebhookBenchmark {

	private static final String EVENT = """
			{"object_kind": "build", "ref": "feature/deploy-rbac", "tag": false,
			 "before_sha": "2293ada6b400935a1378653304eaf6221e0fdb8f", "sha": "2293ada6b400935a1378653304eaf6221e0fdb8f",
			 "build_id": %d, "build_name": "test", "build_stage": "test", "build_status": "failed",
			 "build_created_at": "2026-11-23 02:41:37 UTC", "build_started_at": "2026-11-23 02:41:39 UTC",
			 "build_finished_at": "2026-11-23 02:42:10 UTC", "build_duration": 31.2, "build_queued_duration": 1.58,
			 "build_allow_failure": false, "build_failure_reason": "runner_system_failure", "pipeline_id": 2366,
			 "runner": {"id": 380987, "description": "k8s-prod-runner", "runner_type": "project_type",
			  "active": true, "is_shared": false, "tags": ["kubernetes"]},
			 "project_id": 380, "project_name": "gitlab-org / gitlab-test",
			 "user": {"id": 3, "name": "User", "username": "user", "email": "user@gitlab.com"},
			 "commit": {"id": 2366, "name": "Build pipeline", "sha": "2293ada6b400935a1378653304eaf6221e0fdb8f",
			  "message": "test\\n", "author_name": "User", "author_email": "user@gitlab.com", "status": "failed"},
			 "repository": {"name": "gitlab_test", "homepage": "https://gitlab.example.com/gitlab-org/gitlab-test",
			  "git_http_url": "https://gitlab.example.com/gitlab-org/gitlab-test.git", "visibility_level": 20},
			 "project": {"id": 380, "name": "Gitlab Test", "web_url": "https://gitlab.example.com/gitlab-org/gitlab-test",
			  "namespace": "gitlab-org", "path_with_namespace": "gitlab-org/gitlab-test", "default_branch": "master"},
			 "environment": null}
			""";

	/** Concurrent deliveries of the parallel measurement. */
	private static final int SENDERS = 8;

	private WebhookBenchmark() {
	}

	/**
	 * @param out where the report goes
	 * @param events how many distinct failed-job events to queue
	 * @param directory where the queue is written (a disk like production's)
	 * @throws IOException when the directory cannot be used
	 */
	public static void run(PrintWriter out, int events, Path directory) throws IOException {
		GitLabInstance instance = new GitLabInstances(new GitLabProperties(
				Map.of("bench",
						new GitLabProperties.Instance(URI.create("https://gitlab.example.com"), "unused", null,
								List.of())),
				false, Duration.ofSeconds(1), DataSize.ofMegabytes(1),
				new GitLabProperties.Queue(directory, events, 1, Duration.ofDays(30)),
				new GitLabProperties.Retry(1, Duration.ZERO, Duration.ZERO)))
			.named("bench")
			.orElseThrow();
		List<String> bodies = java.util.stream.IntStream.range(0, events)
			.mapToObj((i) -> EVENT.formatted(1_000_000L + i))
			.toList();
		out.printf("tracedoc bench webhook: %d distinct failed-job events (%d bytes each), queue in %s%n%n", events,
				bodies.get(0).length(), directory);
		// warm-up: the JIT and gitlab4j's mapper, not measured
		for (int i = 0; i < Math.min(events, 2000); i++) {
			WebhookEvents.read(bodies.get(i), instance, Instant.now());
		}
		long started = System.nanoTime();
		for (String body : bodies) {
			WebhookEvents.read(body, instance, Instant.now());
		}
		double parse = seconds(started);
		report(out, "reading only (gitlab4j event classes)", events, parse);
		WebhookJournal journal = new WebhookJournal(directory.resolve("queue"), events);
		started = System.nanoTime();
		for (String body : bodies) {
			journal.offer(WebhookEvents.read(body, instance, Instant.now()).jobs().get(0));
		}
		double accept = seconds(started);
		report(out, "accepting: reading + durable queue file before the 202", events, accept);
		started = System.nanoTime();
		for (String body : bodies) {
			journal.offer(WebhookEvents.read(body, instance, Instant.now()).jobs().get(0));
		}
		double duplicate = seconds(started);
		report(out, "redelivered: reading + duplicate lookup, nothing written", events, duplicate);
		delete(directory.resolve("queue"));
		WebhookJournal concurrent = new WebhookJournal(directory.resolve("queue"), events);
		started = System.nanoTime();
		try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
			for (String body : bodies) {
				senders.submit(() -> concurrent.offer(WebhookEvents.read(body, instance, Instant.now()).jobs().get(0)));
			}
		}
		double acceptConcurrently = seconds(started);
		report(out, "accepting, " + SENDERS + " deliveries at once (GitLab sends hooks in parallel)", events,
				acceptConcurrently);
		out.printf(
				"%nthe durable write costs %.2f ms per event one at a time: %.1fx the time of reading it; "
						+ "%d at once accept %.1fx as many per second%n",
				(accept - parse) * 1000 / events, (accept - parse) / parse, SENDERS, accept / acceptConcurrently);
		delete(directory.resolve("queue"));
	}

	private static void report(PrintWriter out, String what, int events, double seconds) {
		out.printf("%s: %d events in %.2f s = %.0f events/s%n", what, events, seconds, events / seconds);
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static void delete(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
