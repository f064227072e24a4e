package io.tracedoc.gitlab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.gitlab.WebhookJournal.JobOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook in the running service, over HTTP, with WireMock as GitLab: what GitLab's
 * hook sees, and what lands on the merge request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GitLabWebhookTests {

	private static final FakeGitLab gitlab = new FakeGitLab();

	private static final Path queue = temporaryDirectory();

	@LocalServerPort
	private int port;

	@Autowired
	private WebhookJournal journal;

	@Autowired
	private DiagnosisService diagnoses;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void gitlab(DynamicPropertyRegistry properties) {
		properties.add("tracedoc.gitlab.instances.gitlab.url", gitlab::url);
		properties.add("tracedoc.gitlab.instances.gitlab.token", () -> FakeGitLab.TOKEN);
		properties.add("tracedoc.gitlab.instances.gitlab.webhook-secret", () -> FakeGitLab.SECRET);
		properties.add("tracedoc.public-url", () -> "https://tracedoc.example.com");
		properties.add("tracedoc.gitlab.queue.directory", queue::toString);
		properties.add("tracedoc.gitlab.retry.initial-backoff", () -> "10ms");
		properties.add("tracedoc.gitlab.retry.max-backoff", () -> "50ms");
	}

	@AfterAll
	static void stopGitLab() {
		gitlab.close();
	}

	@BeforeEach
	void resetGitLab() {
		gitlab.server.resetAll();
		gitlab.mergeRequest();
	}

	@Test
	void refusesAForgedOrMissingTokenWith401AndProcessesNothing() throws Exception {
		HttpResponse<String> forged = send(event(1990), "forged-secret-of-an-attacker");
		HttpResponse<String> missing = send(event(1990), null);

		for (HttpResponse<String> response : List.of(forged, missing)) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("Wrong webhook token").doesNotContain("forged-secret");
		}
		assertThat(this.journal.outcome("gitlab", 1990)).isEmpty();
		try (Stream<Path> pending = Files.list(queue.resolve("pending"))) {
			assertThat(pending.map(Path::getFileName).map(Path::toString)).doesNotContain("gitlab-1990.json");
		}
		assertThat(gitlab.server.getAllServeEvents()).isEmpty();
	}

	@Test
	void answers202AtOnceThenPostsTheDiagnosisOnTheMergeRequest() throws Exception {
		gitlab.failedJob(1977, "test");

		HttpResponse<String> response = send(event(1977), FakeGitLab.SECRET);

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).contains("\"status\":\"accepted\"").contains("1977");
		JobOutcome outcome = awaitOutcome(1977);
		assertThat(outcome.failure()).isNull();
		assertThat(this.diagnoses.find(outcome.diagnosisId())).get().satisfies((stored) -> {
			assertThat(stored.context().source()).isEqualTo(JobContext.Source.WEBHOOK);
			assertThat(stored.context().mergeRequestIid()).isEqualTo(FakeGitLab.MERGE_REQUEST);
			assertThat(stored.diagnosis().category().id()).isEqualTo("k8s-rbac-forbidden");
		});
		List<String> notes = notesWritten();
		assertThat(notes).hasSize(1);
		assertThat(notes.get(0)).contains("https://tracedoc.example.com/d/" + outcome.diagnosisId())
			.contains("glpat-[REDACTED]");
		HttpResponse<String> permalink = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/d/" + outcome.diagnosisId()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(permalink.statusCode()).isEqualTo(200);
		HttpResponse<String> metrics = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.body()).contains("tracedoc_gitlab_queue_waiting");
	}

	@Test
	void tellsWhatBecameOfAReceivedJobAndSaysSoWhenItKnowsNone() throws Exception {
		gitlab.failedJob(1985, "lint");
		send(event(1985), FakeGitLab.SECRET);
		JobOutcome outcome = awaitOutcome(1985);

		HttpResponse<String> answered = get("/api/v1/gitlab/gitlab/jobs/1985");
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).contains("\"state\":\"answered\"", "\"diagnosisId\":\"" + outcome.diagnosisId(),
				"\"permalink\":\"https://tracedoc.example.com/d/" + outcome.diagnosisId());
		HttpResponse<String> unknown = get("/api/v1/gitlab/gitlab/jobs/1986");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("No such job");
	}

	@Test
	void aDuplicateDeliveryGivesOneDiagnosisAndOneNote() throws Exception {
		gitlab.failedJob(1980, "e2e");

		int first = send(event(1980), FakeGitLab.SECRET).statusCode();
		int second = send(event(1980), FakeGitLab.SECRET).statusCode();
		awaitOutcome(1980);
		int third = send(event(1980), FakeGitLab.SECRET).statusCode();

		assertThat(List.of(first, second, third)).containsExactly(202, 200, 200);
		assertThat(gitlab.traceFetches(1980)).isEqualTo(1);
		assertThat(notesWritten()).hasSize(1);
	}

	@Test
	void ignoresAJobThatDidNotFailWith200() throws Exception {
		HttpResponse<String> response = send(
				event(1991).replace("\"build_status\": \"failed\"", "\"build_status\": \"success\""),
				FakeGitLab.SECRET);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("the job did not fail");
		assertThat(gitlab.server.getAllServeEvents()).isEmpty();
	}

	private JobOutcome awaitOutcome(long jobId) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.journal.outcome("gitlab", jobId), java.util.Optional::isPresent)
			.orElseThrow();
	}

	/**
	 * The Markdown of every note posted or edited on the merge request since the reset.
	 */
	private static List<String> notesWritten() {
		return Stream
			.concat(gitlab.mergeRequestNotesPosted().stream(),
					gitlab.server
						.findAll(WireMock.putRequestedFor(
								urlPathMatching(FakeGitLab.api("/projects/380/merge_requests/12/notes/[0-9]+"))))
						.stream())
			.map(FakeGitLab::noteBody)
			.toList();
	}

	private static String event(long jobId) {
		return new String(FakeGitLab.bytes("job-event-failed.json"), StandardCharsets.UTF_8)
			.replace("${gitlab}", gitlab.url())
			.replace("\"build_id\": 1977", "\"build_id\": " + jobId);
	}

	private HttpResponse<String> send(String body, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/hooks/gitlab"))
			.header("Content-Type", "application/json")
			.header("X-Gitlab-Event", "Job Hook")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("X-Gitlab-Token", token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "test-gitlab-queue");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
