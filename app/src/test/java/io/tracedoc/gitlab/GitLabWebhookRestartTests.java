package io.tracedoc.gitlab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.tracedoc.TracedocApplication;
import io.tracedoc.gitlab.WebhookJournal.JobOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accepted events survive a restart: a first service accepts them while GitLab is down
 * and stops; a second one over the same directory processes every one of them, once.
 */
class GitLabWebhookRestartTests {

	private static final List<Long> JOBS = List.of(2001L, 2002L, 2003L);

	@TempDir
	Path directory;

	private final FakeGitLab gitlab = new FakeGitLab();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stopGitLab() {
		this.gitlab.close();
	}

	@Test
	void eventsAcceptedBeforeARestartAreAllProcessedOnceAfterIt() throws Exception {
		this.gitlab.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
		try (ConfigurableApplicationContext first = start("1h")) {
			for (long job : JOBS) {
				assertThat(send(first, event(job)).statusCode()).isEqualTo(202);
			}
			// each job was tried once, GitLab answered 503, the next attempt is an hour
			// away
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.gitlab.server.getAllServeEvents().size() >= JOBS.size());
		}
		this.gitlab.server.resetAll();
		for (long job : JOBS) {
			this.gitlab.failedJob(job, "job-" + job);
		}
		this.gitlab.mergeRequest();

		try (ConfigurableApplicationContext second = start("10ms")) {
			WebhookJournal journal = second.getBean(WebhookJournal.class);
			for (long job : JOBS) {
				JobOutcome outcome = await().atMost(Duration.ofSeconds(60))
					.until(() -> journal.outcome("gitlab", job), Optional::isPresent)
					.orElseThrow();
				assertThat(outcome.failure()).isNull();
				assertThat(outcome.attempts()).as("the attempt before the restart counts").isEqualTo(1);
				assertThat(this.gitlab.traceFetches(job)).isEqualTo(1);
			}
			assertThat(send(second, event(JOBS.get(0))).statusCode()).as("a redelivery after the restart")
				.isEqualTo(200);
			assertThat(journal.size()).isZero();
		}
		assertThat(this.gitlab.mergeRequestNotesPosted()).hasSize(1);
		assertThat(this.gitlab.mergeRequestNotesEdited()).hasSize(JOBS.size() - 1);
		assertThat(FakeGitLab.noteBody(this.gitlab.mergeRequestNotesEdited().get(JOBS.size() - 2)))
			.contains("why 3 jobs of pipeline #2366");
	}

	private ConfigurableApplicationContext start(String backoff) {
		return new SpringApplicationBuilder(TracedocApplication.class)
			.properties("server.port=0", "tracedoc.history.directory=" + this.directory.resolve("history"),
					"tracedoc.gitlab.instances.gitlab.url=" + this.gitlab.url(),
					"tracedoc.gitlab.instances.gitlab.token=" + FakeGitLab.TOKEN,
					"tracedoc.gitlab.instances.gitlab.webhook-secret=" + FakeGitLab.SECRET,
					"tracedoc.public-url=https://tracedoc.example.com",
					"tracedoc.gitlab.queue.directory=" + this.directory.resolve("queue"),
					"tracedoc.gitlab.retry.initial-backoff=" + backoff, "tracedoc.gitlab.retry.max-backoff=" + backoff)
			.run();
	}

	private HttpResponse<String> send(ConfigurableApplicationContext context, String body)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/gitlab"))
			.header("Content-Type", "application/json")
			.header("X-Gitlab-Token", FakeGitLab.SECRET)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String event(long jobId) {
		return new String(FakeGitLab.bytes("job-event-failed.json"), StandardCharsets.UTF_8)
			.replace("${gitlab}", this.gitlab.url())
			.replace("\"build_id\": 1977", "\"build_id\": " + jobId);
	}

}
