package io.tracedoc.gitlab;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tracedoc.gitlab.GitLabInstances.GitLabInstance;
import io.tracedoc.gitlab.WebhookEvents.Announced;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WebhookEvents}, over payloads shaped like GitLab's documented
 * examples.
 */
class WebhookEventsTests {

	private static final String GITLAB = "https://gitlab.example.com";

	private final GitLabInstance instance = instance(List.of());

	@Test
	void readsTheFailedJobOfAJobEvent() {
		Announced announced = WebhookEvents.read(event("job-event-failed.json"), this.instance, Instant.EPOCH);

		assertThat(announced.ignoredBecause()).isNull();
		assertThat(announced.jobs()).singleElement().satisfies((job) -> {
			assertThat(job.key()).isEqualTo("gitlab-1977");
			assertThat(job.projectId()).isEqualTo(380);
			assertThat(job.projectPath()).isEqualTo("gitlab-org/gitlab-test");
			assertThat(job.jobName()).isEqualTo("test");
			assertThat(job.pipelineId()).isEqualTo(2366);
			assertThat(job.ref()).isEqualTo("feature/deploy-rbac");
			assertThat(job.commitSha()).isEqualTo(FakeGitLab.SHA);
			assertThat(job.runner()).isEqualTo("k8s-prod-runner");
		});
	}

	@Test
	void ignoresAJobThatDidNotFail() {
		for (String status : List.of("created", "running", "success", "canceled")) {
			String body = event("job-event-failed.json").replace("\"build_status\": \"failed\"",
					"\"build_status\": \"" + status + "\"");
			assertThat(WebhookEvents.read(body, this.instance, Instant.EPOCH).ignoredBecause()).as(status)
				.isEqualTo("the job did not fail");
		}
	}

	@Test
	void readsTheFailedBuildsOfAPipelineEventWithItsMergeRequest() {
		Announced announced = WebhookEvents.read(event("pipeline-event-failed.json"), this.instance, Instant.EPOCH);

		assertThat(announced.jobs()).extracting(FailedJob::jobId).containsExactly(1977L, 1978L);
		assertThat(announced.jobs()).allSatisfy((job) -> {
			assertThat(job.mergeRequestIid()).isEqualTo(12);
			assertThat(job.pipelineId()).isEqualTo(2366);
		});
	}

	@Test
	void ignoresAPipelineWithoutFailedJobs() {
		String body = event("pipeline-event-failed.json").replace("\"status\": \"failed\"", "\"status\": \"success\"");
		assertThat(WebhookEvents.read(body, this.instance, Instant.EPOCH).ignoredBecause())
			.isEqualTo("the pipeline has no failed job");
	}

	@Test
	void ignoresOtherKindsOfEvents() {
		String push = "{\"object_kind\": \"push\", \"ref\": \"refs/heads/main\", \"project_id\": 380}";
		String unknown = "{\"object_kind\": \"vulnerability\"}";
		assertThat(WebhookEvents.read(push, this.instance, Instant.EPOCH).ignoredBecause())
			.isEqualTo("tracedoc acts on job and pipeline events only");
		assertThat(WebhookEvents.read(unknown, this.instance, Instant.EPOCH).ignoredBecause())
			.isEqualTo("tracedoc acts on job and pipeline events only");
	}

	@Test
	void ignoresAnOptedOutProjectByPathOrId() {
		for (String optOut : List.of("gitlab-org/gitlab-test", "380")) {
			assertThat(WebhookEvents.read(event("job-event-failed.json"), instance(List.of(optOut)), Instant.EPOCH)
				.ignoredBecause()).as(optOut).isEqualTo("the project opted out of tracedoc");
		}
		assertThat(
				WebhookEvents.read(event("job-event-failed.json"), instance(List.of("gitlab-org/other")), Instant.EPOCH)
					.jobs())
			.hasSize(1);
	}

	@Test
	void refusesWhatIsNoEvent() {
		for (String body : List.of("", "not json", "[1,2]",
				"{\"object_kind\": \"build\", \"build_status\": \"failed\"}", "\u0000\u0001binary")) {
			assertThatIllegalArgumentException().as(body)
				.isThrownBy(() -> WebhookEvents.read(body, this.instance, Instant.EPOCH));
		}
	}

	private static String event(String name) {
		return new String(FakeGitLab.bytes(name), java.nio.charset.StandardCharsets.UTF_8).replace("${gitlab}", GITLAB);
	}

	private static GitLabInstance instance(List<String> optOut) {
		GitLabProperties properties = new GitLabProperties(
				Map.of("gitlab",
						new GitLabProperties.Instance(URI.create(GITLAB), FakeGitLab.TOKEN, FakeGitLab.SECRET, optOut)),
				false, Duration.ofSeconds(1), DataSize.ofMegabytes(1),
				new GitLabProperties.Queue(java.nio.file.Path.of("unused"), 1, 1, Duration.ofDays(30)),
				new GitLabProperties.Retry(1, Duration.ZERO, Duration.ZERO));
		return new GitLabInstances(properties).named("gitlab").orElseThrow();
	}

}
