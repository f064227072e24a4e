package io.tracedoc.gitlab;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.InMemoryDiagnosisStore;
import io.tracedoc.gitlab.WebhookJournal.JobOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for {@link GitLabWebhookController}: the answers GitLab gets, and what reaches
 * the queue. The worker is not running here, so what is queued stays countable.
 */
class GitLabWebhookControllerTests {

	private static final String GITLAB = "https://gitlab.example.com";

	@TempDir
	Path directory;

	private final FakeGitLab gitlab = new FakeGitLab();

	@AfterEach
	void stopGitLab() {
		this.gitlab.close();
	}

	@Test
	void refusesAForgedOrMissingTokenAndQueuesNothing() throws Exception {
		WebhookJournal journal = new WebhookJournal(this.directory, 10);
		MockMvc mvc = mvc(journal, properties(GITLAB, 10));

		mvc.perform(hook("job-event-failed.json").header("X-Gitlab-Token", "forged-token-of-an-attacker"))
			.andExpect(status().isUnauthorized());
		mvc.perform(hook("job-event-failed.json")).andExpect(status().isUnauthorized());
		mvc.perform(hook("job-event-failed.json").header("X-Gitlab-Token", FakeGitLab.SECRET + " "))
			.andExpect(status().isUnauthorized());

		assertThat(journal.size()).isZero();
		try (Stream<Path> pending = Files.list(this.directory.resolve("pending"))) {
			assertThat(pending).isEmpty();
		}
	}

	@Test
	void acceptsAFailedJobWith202AndADuplicateWith200() throws Exception {
		WebhookJournal journal = new WebhookJournal(this.directory, 10);
		MockMvc mvc = mvc(journal, properties(GITLAB, 10));

		mvc.perform(signed("job-event-failed.json")).andExpect(status().isAccepted());
		mvc.perform(signed("job-event-failed.json")).andExpect(status().isOk());

		assertThat(journal.size()).isEqualTo(1);
	}

	@Test
	void answers200AndQueuesNothingForEventsWithoutAFailedJob() throws Exception {
		WebhookJournal journal = new WebhookJournal(this.directory, 10);
		MockMvc mvc = mvc(journal, properties(GITLAB, 10));
		String succeeded = event("job-event-failed.json").replace("\"build_status\": \"failed\"",
				"\"build_status\": \"success\"");

		mvc.perform(post("/hooks/gitlab").header("X-Gitlab-Token", FakeGitLab.SECRET)
			.contentType(MediaType.APPLICATION_JSON)
			.content(succeeded)).andExpect(status().isOk());
		mvc.perform(post("/hooks/gitlab").header("X-Gitlab-Token", FakeGitLab.SECRET)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"object_kind\": \"push\"}")).andExpect(status().isOk());

		assertThat(journal.size()).isZero();
	}

	@Test
	void refusesABodyThatIsNoEventOrTooLarge() throws Exception {
		WebhookJournal journal = new WebhookJournal(this.directory, 10);
		MockMvc mvc = mvc(journal, properties(GITLAB, 10));

		mvc.perform(post("/hooks/gitlab").header("X-Gitlab-Token", FakeGitLab.SECRET).content("{\"truncated\": "))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/hooks/gitlab").header("X-Gitlab-Token", FakeGitLab.SECRET)
			.content(new byte[(int) DataSize.ofMegabytes(1).toBytes() + 1])).andExpect(status().isPayloadTooLarge());

		assertThat(journal.size()).isZero();
	}

	@Test
	void answers503WhenNoWebhookIsConfigured() throws Exception {
		MockMvc mvc = MockMvcBuilders
			.standaloneSetup(new GitLabWebhookController(new GitLabInstances(properties(GITLAB, 10)),
					new StaticListableBeanFactory().getBeanProvider(WebhookJournal.class), properties(GITLAB, 10)))
			.build();

		mvc.perform(signed("job-event-failed.json")).andExpect(status().isServiceUnavailable());
	}

	/**
	 * Ten thousand distinct failed jobs at once: the queue takes its capacity, GitLab is
	 * told to send the rest again later, memory holds no more than the capacity, and
	 * every accepted job is answered once the worker runs.
	 */
	@Test
	void aBurstOfTenThousandEventsFillsTheQueueAnswers429BeyondAndLosesNothingAccepted() throws Exception {
		int capacity = 10;
		GitLabProperties properties = properties(this.gitlab.url(), capacity);
		WebhookJournal journal = new WebhookJournal(this.directory, capacity);
		MockMvc mvc = mvc(journal, properties);
		// the controller itself, without MockMvc's dispatch per request: quick enough for
		// ten thousand
		GitLabWebhookController controller = new GitLabWebhookController(new GitLabInstances(properties),
				provider(journal), properties);
		String template = event("job-event-failed.json").replace(GITLAB, this.gitlab.url());

		int accepted = 0;
		int tooMany = 0;
		for (int i = 0; i < 10_000; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/hooks/gitlab");
			request.setContent(template.replace("\"build_id\": 1977", "\"build_id\": " + (100_000 + i))
				.getBytes(StandardCharsets.UTF_8));
			int status = controller.receive(FakeGitLab.SECRET, request).getStatusCode().value();
			if (status == 202) {
				accepted++;
			}
			else if (status == 429) {
				tooMany++;
			}
			assertThat(journal.size()).isLessThanOrEqualTo(capacity);
		}
		assertThat(accepted).isEqualTo(capacity);
		assertThat(tooMany).isEqualTo(10_000 - capacity);
		mvc.perform(signed("job-event-failed.json"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "60"));

		this.gitlab.stub(get(urlPathMatching(FakeGitLab.api("/projects/380/jobs/[0-9]+"))),
				FakeGitLab.json(this.gitlab.fixture("job.json", Map.of("jobId", "1977", "jobName", "test"))));
		this.gitlab.stub(get(urlPathMatching(FakeGitLab.api("/projects/380/jobs/[0-9]+/trace"))),
				com.github.tomakehurst.wiremock.client.WireMock.aResponse()
					.withStatus(200)
					.withBody(FakeGitLab.bytes("trace-secrets-forbidden.log")));
		this.gitlab.mergeRequest();
		DiagnosisService diagnoses = new DiagnosisService(new DiagnosisEngine(FailedJobProcessorTests.CATALOG),
				(diagnosis, context) -> diagnosis, new InMemoryDiagnosisStore(capacity, 1_000_000), (event) -> {
				}, 1_000_000);
		WebhookWorker worker = new WebhookWorker(journal, new FailedJobProcessor(new GitLabInstances(properties),
				diagnoses, journal, properties, FakeGitLab.ADDRESS), 1, properties.queue().keep());

		assertThat(worker.processDue()).isEqualTo(capacity);

		for (int i = 0; i < capacity; i++) {
			assertThat(journal.outcome("gitlab", 100_000 + i)).get()
				.extracting(JobOutcome::failure, (outcome) -> outcome.diagnosisId() != null)
				.containsExactly(null, true);
		}
		assertThat(journal.outcome("gitlab", 100_000 + capacity)).isEmpty();
		assertThat(this.gitlab.mergeRequestNotesPosted()).hasSize(1);
		assertThat(this.gitlab.mergeRequestNotesEdited()).hasSize(capacity - 1);
		assertThat(journal.size()).isZero();
		// room again: GitLab's retry of a refused event is accepted now
		mvc.perform(post("/hooks/gitlab").header("X-Gitlab-Token", FakeGitLab.SECRET)
			.contentType(MediaType.APPLICATION_JSON)
			.content(template.replace("\"build_id\": 1977", "\"build_id\": " + (100_000 + capacity))))
			.andExpect(status().isAccepted());
	}

	private MockMvc mvc(WebhookJournal journal, GitLabProperties properties) {
		return MockMvcBuilders
			.standaloneSetup(
					new GitLabWebhookController(new GitLabInstances(properties), provider(journal), properties))
			.build();
	}

	private static ObjectProvider<WebhookJournal> provider(WebhookJournal journal) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("webhookJournal", journal);
		return beans.getBeanProvider(WebhookJournal.class);
	}

	private GitLabProperties properties(String url, int capacity) {
		return new GitLabProperties(
				Map.of("gitlab",
						new GitLabProperties.Instance(URI.create(url), FakeGitLab.TOKEN, FakeGitLab.SECRET, List.of())),
				false, Duration.ofSeconds(5), DataSize.ofMegabytes(1),
				new GitLabProperties.Queue(this.directory, capacity, 1, Duration.ofDays(30)),
				new GitLabProperties.Retry(3, Duration.ZERO, Duration.ZERO));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder hook(String fixture) {
		return post("/hooks/gitlab").contentType(MediaType.APPLICATION_JSON)
			.header("X-Gitlab-Event", "Job Hook")
			.content(event(fixture));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signed(String fixture) {
		return hook(fixture).header("X-Gitlab-Token", FakeGitLab.SECRET);
	}

	private static String event(String name) {
		return new String(FakeGitLab.bytes(name), StandardCharsets.UTF_8).replace("${gitlab}", GITLAB);
	}

}
