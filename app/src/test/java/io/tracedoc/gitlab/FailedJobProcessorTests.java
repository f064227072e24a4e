package io.tracedoc.gitlab;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tracedoc.diagnosis.DiagnosisCompleted;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.InMemoryDiagnosisStore;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.gitlab.WebhookJournal.JobOutcome;
import io.tracedoc.gitlab.WebhookJournal.Offer;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FailedJobProcessor}, with WireMock as GitLab and the journal on disk.
 */
class FailedJobProcessorTests {

	static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	@TempDir
	Path directory;

	final FakeGitLab gitlab = new FakeGitLab();

	final List<StoredDiagnosis> completed = new CopyOnWriteArrayList<>();

	final DiagnosisService diagnoses = new DiagnosisService(new DiagnosisEngine(CATALOG),
			(diagnosis, context) -> diagnosis, new InMemoryDiagnosisStore(100, 1_000_000),
			(event) -> this.completed.add(((DiagnosisCompleted) event).stored()), 1_000_000);

	@AfterEach
	void stopGitLab() {
		this.gitlab.close();
	}

	@Test
	void diagnosesAFailedJobAndPostsOneNoteOnItsMergeRequest() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.mergeRequest();
		Queue queue = queue(properties(false, List.of()));

		assertThat(queue.journal.offer(job(1977, "test"))).isEqualTo(Offer.ACCEPTED);
		assertThat(queue.worker.processDue()).isEqualTo(1);

		assertThat(this.gitlab.mergeRequestNotesPosted()).hasSize(1);
		String note = FakeGitLab.noteBody(this.gitlab.mergeRequestNotesPosted().get(0));
		assertThat(note).startsWith("<!-- tracedoc:pipeline:2366 -->")
			.contains("**k8s-rbac-forbidden**")
			.contains("glpat-[REDACTED]")
			.doesNotContain("x7Qp2Vr9LmN4sT6uW8yZ")
			.contains("https://tracedoc.example.com/d/" + this.completed.get(0).id());
		JobContext context = this.completed.get(0).context();
		assertThat(context.source()).isEqualTo(JobContext.Source.WEBHOOK);
		assertThat(context.gitlabUrl()).isEqualTo(this.gitlab.url() + "/");
		assertThat(context.projectPath()).isEqualTo("gitlab-org/gitlab-test");
		assertThat(context.projectId()).isEqualTo(FakeGitLab.PROJECT);
		assertThat(context.jobId()).isEqualTo(1977);
		assertThat(context.jobUrl()).isEqualTo(this.gitlab.url() + "/gitlab-org/gitlab-test/-/jobs/1977");
		assertThat(context.jobName()).isEqualTo("test");
		assertThat(context.pipelineId()).isEqualTo(FakeGitLab.PIPELINE);
		assertThat(context.ref()).isEqualTo("feature/deploy-rbac");
		assertThat(context.commitSha()).isEqualTo(FakeGitLab.SHA);
		assertThat(context.mergeRequestIid()).isEqualTo(FakeGitLab.MERGE_REQUEST);
		assertThat(context.runner()).isEqualTo("k8s-prod-runner");
		assertThat(queue.journal.outcome("gitlab", 1977)).get()
			.extracting(JobOutcome::failure, JobOutcome::diagnosisId)
			.containsExactly(null, this.completed.get(0).id());
		assertThat(queue.journal.size()).isZero();
	}

	@Test
	void editsThePipelinesNoteInPlaceWhenAnotherJobFails() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.failedJob(1978, "lint");
		this.gitlab.mergeRequest();
		Queue queue = queue(properties(false, List.of()));

		queue.journal.offer(job(1977, "test"));
		queue.worker.processDue();
		queue.journal.offer(job(1978, "lint"));
		queue.worker.processDue();

		assertThat(this.gitlab.mergeRequestNotesPosted()).hasSize(1);
		assertThat(this.gitlab.mergeRequestNotesEdited()).hasSize(1);
		assertThat(this.gitlab.mergeRequestNotesEdited().get(0).getUrl()).endsWith("/notes/301");
		String edited = FakeGitLab.noteBody(this.gitlab.mergeRequestNotesEdited().get(0));
		assertThat(edited).contains("why 2 jobs of pipeline #2366")
			.contains("[test (#1977)]")
			.contains("[lint (#1978)]");
	}

	@Test
	void aRedeliveredJobIsNeitherDiagnosedNorAnsweredTwice() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.mergeRequest();
		Queue queue = queue(properties(false, List.of()));

		assertThat(queue.journal.offer(job(1977, "test"))).isEqualTo(Offer.ACCEPTED);
		assertThat(queue.journal.offer(job(1977, "test"))).isEqualTo(Offer.DUPLICATE);
		queue.worker.processDue();
		assertThat(queue.journal.offer(job(1977, "test"))).isEqualTo(Offer.DUPLICATE);
		// and after a restart over the same directory
		Queue reopened = queue(properties(false, List.of()));
		assertThat(reopened.journal.offer(job(1977, "test"))).isEqualTo(Offer.DUPLICATE);
		assertThat(reopened.worker.processDue()).isZero();

		assertThat(this.completed).hasSize(1);
		assertThat(this.gitlab.traceFetches(1977)).isEqualTo(1);
		assertThat(this.gitlab.mergeRequestNotesPosted()).hasSize(1);
	}

	@Test
	void takesTheMergeRequestFromThePipelineEventOrAMergeRequestRefWithoutAskingGitLab() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.failedJob(1978, "lint");
		this.gitlab.mergeRequest();
		this.gitlab.server.removeStub(this.gitlab.server.getStubMappings()
			.stream()
			.filter((stub) -> stub.getRequest().getUrlPath() != null
					&& stub.getRequest().getUrlPath().endsWith("/merge_requests")
					&& stub.getRequest().getUrlPath().contains("/commits/"))
			.findFirst()
			.orElseThrow());
		Queue queue = queue(properties(false, List.of()));
		FailedJob fromPipelineEvent = new FailedJob("gitlab", FakeGitLab.PROJECT, "gitlab-org/gitlab-test", 1977,
				"test", FakeGitLab.PIPELINE, "feature/deploy-rbac", FakeGitLab.SHA, FakeGitLab.MERGE_REQUEST, null,
				Instant.now(), 0, null, null);
		FailedJob mergeRequestPipeline = new FailedJob("gitlab", FakeGitLab.PROJECT, "gitlab-org/gitlab-test", 1978,
				"lint", FakeGitLab.PIPELINE, "refs/merge-requests/12/head", FakeGitLab.SHA, null, null, Instant.now(),
				0, null, null);

		queue.journal.offer(fromPipelineEvent);
		queue.journal.offer(mergeRequestPipeline);
		queue.worker.processDue();

		assertThat(this.completed).extracting((stored) -> stored.context().mergeRequestIid())
			.containsExactly(FakeGitLab.MERGE_REQUEST, FakeGitLab.MERGE_REQUEST);
		assertThat(this.gitlab.mergeRequestNotesPosted()).hasSize(1);
		assertThat(this.gitlab.mergeRequestNotesEdited()).hasSize(1);
	}

	@Test
	void commentsOnTheCommitWhenThePipelineBelongsToNoMergeRequest() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.failedJob(1978, "lint");
		this.gitlab.noMergeRequest();
		Queue queue = queue(properties(false, List.of()));

		queue.journal.offer(job(1977, "test"));
		queue.journal.offer(job(1978, "lint"));
		queue.worker.processDue();

		String discussions = FakeGitLab.api("/projects/380/repository/commits/" + FakeGitLab.SHA + "/discussions");
		assertThat(this.gitlab.server
			.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(discussions))))
			.hasSize(1);
		assertThat(this.gitlab.server.findAll(com.github.tomakehurst.wiremock.client.WireMock
			.putRequestedFor(urlPathEqualTo(discussions + "/87805b7c09016a7058e91bdbe7b29d1f284a39e6/notes/1128"))))
			.hasSize(1);
		assertThat(this.gitlab.mergeRequestNotesPosted()).isEmpty();
	}

	@Test
	void commentsOnTheCommitWhenItsMergeRequestsCannotBeRead() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.noMergeRequest();
		this.gitlab.stub(
				get(urlPathEqualTo(
						FakeGitLab.api("/projects/380/repository/commits/" + FakeGitLab.SHA + "/merge_requests"))),
				FakeGitLab.json("{\"message\":\"403 Forbidden\"}").withStatus(403));
		Queue queue = queue(properties(false, List.of()));

		queue.journal.offer(job(1977, "test"));
		queue.worker.processDue();

		assertThat(queue.journal.outcome("gitlab", 1977)).get().extracting(JobOutcome::failure).isNull();
		assertThat(this.gitlab.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
				urlPathEqualTo(FakeGitLab.api("/projects/380/repository/commits/" + FakeGitLab.SHA + "/discussions")))))
			.hasSize(1);
	}

	@Test
	void retriesWhileGitLabIsDownAndAnswersOnceItRecovers() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.mergeRequest();
		String trace = FakeGitLab.api("/projects/380/jobs/1977/trace");
		this.gitlab.server.stubFor(get(urlPathEqualTo(trace)).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("still down"));
		this.gitlab.server.stubFor(get(urlPathEqualTo(trace)).inScenario("outage")
			.whenScenarioStateIs("still down")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		this.gitlab.server.stubFor(get(urlPathEqualTo(trace)).inScenario("outage")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200).withBody(FakeGitLab.bytes("trace-secrets-forbidden.log"))));
		Queue queue = queue(properties(false, List.of()));

		queue.journal.offer(job(1977, "test"));
		// no backoff in this test: every attempt is due at once
		assertThat(queue.worker.processDue()).isEqualTo(3);

		assertThat(this.gitlab.traceFetches(1977)).isEqualTo(3);
		assertThat(this.gitlab.mergeRequestNotesPosted()).hasSize(1);
		assertThat(queue.journal.outcome("gitlab", 1977)).get().satisfies((outcome) -> {
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.attempts()).isEqualTo(2);
		});
	}

	@Test
	void givesUpWithTheReasonStoredWhenGitLabStaysDown() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.mergeRequest();
		this.gitlab.stub(get(urlPathEqualTo(FakeGitLab.api("/projects/380/jobs/1977/trace"))),
				aResponse().withStatus(503));
		Queue queue = queue(properties(false, List.of()));

		queue.journal.offer(job(1977, "test"));
		assertThat(queue.worker.processDue()).isEqualTo(3);

		assertThat(queue.journal.outcome("gitlab", 1977)).get()
			.extracting(JobOutcome::failure)
			.asString()
			.startsWith("Gave up after 3 attempts: GitLab (gitlab) answered 503 for job 1977 of project 380");
		assertThat(queue.journal.size()).isZero();
	}

	@Test
	void storesAClearReasonAndStopsWhenGitLabForbidsTheTrace() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.mergeRequest();
		this.gitlab.stub(get(urlPathEqualTo(FakeGitLab.api("/projects/380/jobs/1977/trace"))),
				FakeGitLab.json("{\"message\":\"403 Forbidden\"}").withStatus(403));
		Queue queue = queue(properties(false, List.of()));

		queue.journal.offer(job(1977, "test"));
		assertThat(queue.worker.processDue()).isEqualTo(1);

		assertThat(queue.journal.outcome("gitlab", 1977)).get()
			.extracting(JobOutcome::failure)
			.asString()
			.isEqualTo("GitLab (gitlab) answered 403 for job 1977 of project 380: the token may not do this; "
					+ "it needs the api scope and at least the Developer role in the project");
		assertThat(this.completed).isEmpty();
		assertThat(this.gitlab.mergeRequestNotesPosted()).isEmpty();
	}

	@Test
	void storesAClearReasonWhenTheJobIsGone() {
		this.gitlab.stub(get(urlPathEqualTo(FakeGitLab.api("/projects/380/jobs/1977"))),
				FakeGitLab.json("{\"message\":\"404 Not found\"}").withStatus(404));
		Queue queue = queue(properties(false, List.of()));

		queue.journal.offer(job(1977, "test"));
		queue.worker.processDue();

		assertThat(queue.journal.outcome("gitlab", 1977)).get()
			.extracting(JobOutcome::failure)
			.asString()
			.endsWith("the job or project does not exist, or the token cannot see it");
	}

	@Test
	void aNoteThatFailsToPostIsRetriedWithoutDiagnosingAgain() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.mergeRequest();
		String notes = FakeGitLab.api("/projects/380/merge_requests/12/notes");
		this.gitlab.server.stubFor(post(urlPathEqualTo(notes)).inScenario("note")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("up"));
		this.gitlab.server.stubFor(post(urlPathEqualTo(notes)).inScenario("note")
			.whenScenarioStateIs("up")
			.willReturn(FakeGitLab.json(this.gitlab.fixture("mr-note.json", Map.of("body", "x"))).withStatus(201)));
		Queue queue = queue(properties(false, List.of()));

		queue.journal.offer(job(1977, "test"));
		assertThat(queue.worker.processDue()).isEqualTo(2);

		assertThat(this.completed).hasSize(1);
		assertThat(this.gitlab.traceFetches(1977)).isEqualTo(1);
		assertThat(this.gitlab.mergeRequestNotesPosted()).hasSize(2);
		assertThat(queue.journal.outcome("gitlab", 1977)).get().extracting(JobOutcome::failure).isNull();
	}

	@Test
	void dryRunDiagnosesAndKeepsTheNoteButPostsNothing() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.mergeRequest();
		Queue queue = queue(properties(true, List.of()));

		queue.journal.offer(job(1977, "test"));
		queue.worker.processDue();

		assertThat(this.completed).hasSize(1);
		assertThat(this.gitlab.mergeRequestNotesPosted()).isEmpty();
		assertThat(this.gitlab.mergeRequestNotesEdited()).isEmpty();
		assertThat(queue.journal.note(PipelineNote.key("gitlab", 380, 2366))).get()
			.satisfies((note) -> assertThat(note.body()).contains("**k8s-rbac-forbidden**"));
	}

	@Test
	void anOptedOutProjectGetsNoNote() {
		this.gitlab.failedJob(1977, "test");
		this.gitlab.mergeRequest();
		Queue queue = queue(properties(false, List.of("gitlab-org/gitlab-test")));

		queue.journal.offer(job(1977, "test"));
		queue.worker.processDue();

		assertThat(this.gitlab.mergeRequestNotesPosted()).isEmpty();
	}

	private GitLabProperties properties(boolean dryRun, List<String> optOut) {
		return new GitLabProperties(
				Map.of("gitlab",
						new GitLabProperties.Instance(URI.create(this.gitlab.url()), FakeGitLab.TOKEN,
								FakeGitLab.SECRET, optOut)),
				dryRun, Duration.ofSeconds(5), DataSize.ofMegabytes(1),
				new GitLabProperties.Queue(this.directory, 100, 1, Duration.ofDays(30)),
				new GitLabProperties.Retry(3, Duration.ZERO, Duration.ZERO));
	}

	private Queue queue(GitLabProperties properties) {
		WebhookJournal journal = new WebhookJournal(this.directory, properties.queue().capacity());
		GitLabInstances instances = new GitLabInstances(properties);
		return new Queue(journal,
				new WebhookWorker(journal,
						new FailedJobProcessor(instances, this.diagnoses, journal, properties, FakeGitLab.ADDRESS), 1,
						properties.queue().keep()));
	}

	static FailedJob job(long jobId, String name) {
		return new FailedJob("gitlab", FakeGitLab.PROJECT, "gitlab-org/gitlab-test", jobId, name, FakeGitLab.PIPELINE,
				"feature/deploy-rbac", FakeGitLab.SHA, null, "k8s-prod-runner", Instant.now(), 0, null, null);
	}

	record Queue(WebhookJournal journal, WebhookWorker worker) {

	}

}
