package io.tracedoc.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ArrayBlockingQueue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tracedoc.diagnosis.DiagnosisCompleted;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.system.ManualClock;
import io.tracedoc.pattern.FailurePattern;

/**
 * Tests for channel notifications of webhook failures: a burst with one cause is one
 * thread with a running count; other causes, runners and windows get threads of their
 * own; the memory of incidents stays bounded.
 */
class IncidentNotifierTests {

	@RegisterExtension
	static WireMockExtension slack = WireMockExtension.newInstance()
		.options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort())
		.build();

	private final ManualClock clock = new ManualClock(SlackTestData.AT);

	private ThreadPoolExecutor workers;

	@BeforeEach
	void stub() {
		SlackApiStub.stubWebApi(slack);
		this.workers = new ThreadPoolExecutor(4, 4, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100));
	}

	@AfterEach
	void stop() {
		this.workers.shutdownNow();
	}

	@Test
	void postsBurstOfSameCauseFailuresAsOneThreadWithRunningCount() throws Exception {
		IncidentNotifier notifier = notifier("C1", 1000);
		int burst = 20;
		ExecutorService webhooks = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		for (int i = 0; i < burst; i++) {
			StoredDiagnosis failure = secretsForbidden(id(i), "k8s-runner-prod", 1000 + i);
			webhooks.execute(() -> {
				await(start);
				notifier.diagnosed(new DiagnosisCompleted(failure));
			});
		}
		start.countDown();
		webhooks.shutdown();
		assertThat(webhooks.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		drain();
		List<String> posts = SlackApiStub.calls(slack, "chat.postMessage");
		assertThat(posts).hasSize(burst);
		assertThat(posts.stream().filter((body) -> !body.contains("thread_ts="))).singleElement()
			.satisfies((parent) -> assertThat(parent).contains("channel=C1", "k8s-rbac-forbidden"));
		assertThat(posts.stream().filter((body) -> body.contains("thread_ts=" + SlackApiStub.TS))).hasSize(burst - 1);
		for (int n = 2; n <= burst; n++) {
			String reply = "Failure " + n + ": ";
			assertThat(posts).as("reply %d", n).filteredOn((body) -> body.contains(reply)).hasSize(1);
		}
		List<String> updates = SlackApiStub.calls(slack, "chat.update");
		// the first failure's task may find its thread posted by a later one: it updates
		// the count then
		assertThat(updates).hasSizeBetween(burst - 1, burst);
		assertThat(updates.get(updates.size() - 1)).contains("ts=" + SlackApiStub.TS,
				burst + " failures with this cause on k8s-runner-prod");
	}

	@Test
	void startsOwnThreadForSameCauseOnAnotherRunner() throws Exception {
		IncidentNotifier notifier = notifier("C1", 1000);
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(1), "k8s-runner-prod", 1)));
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(2), "k8s-runner-staging", 2)));
		drain();
		assertThat(SlackApiStub.calls(slack, "chat.postMessage")).hasSize(2)
			.noneMatch((body) -> body.contains("thread_ts="));
	}

	@Test
	void startsOwnThreadForAnotherCauseOnTheSameRunner() throws Exception {
		IncidentNotifier notifier = notifier("C1", 1000);
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(1), "k8s-runner-prod", 1)));
		String otherNamespace = SlackTestData.secretsForbiddenLog().replace("\"cicd\"", "\"build\"");
		notifier.diagnosed(new DiagnosisCompleted(
				SlackTestData.stored(id(2), otherNamespace, SlackTestData.webhook("k8s-runner-prod", 2))));
		drain();
		assertThat(SlackApiStub.calls(slack, "chat.postMessage")).hasSize(2)
			.noneMatch((body) -> body.contains("thread_ts="));
	}

	@Test
	void startsNewThreadOnceTheWindowHasPassedAndNotBefore() throws Exception {
		IncidentNotifier notifier = notifier("C1", 1000);
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(1), "k8s-runner-prod", 1)));
		this.clock.advance(Duration.ofMinutes(29));
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(2), "k8s-runner-prod", 2)));
		// the window counts from the incident's last failure
		this.clock.advance(Duration.ofMinutes(29));
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(3), "k8s-runner-prod", 3)));
		this.clock.advance(Duration.ofMinutes(31));
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(4), "k8s-runner-prod", 4)));
		drain();
		List<String> posts = SlackApiStub.calls(slack, "chat.postMessage");
		assertThat(posts).hasSize(4);
		assertThat(posts).filteredOn((body) -> !body.contains("thread_ts=")).hasSize(2);
	}

	@Test
	void forgetsOldestIncidentBeyondTheBound() {
		Incidents incidents = new Incidents(Duration.ofMinutes(30), 2, List.of("pod"), this.clock);
		incidents.join(secretsForbidden(id(1), "runner-a", 1));
		incidents.join(secretsForbidden(id(2), "runner-b", 2));
		incidents.join(secretsForbidden(id(3), "runner-c", 3));
		assertThat(incidents.size()).isEqualTo(2);
		assertThat(incidents.join(secretsForbidden(id(4), "runner-a", 4)).count()).as("runner-a was forgotten")
			.isEqualTo(1);
		assertThat(incidents.join(secretsForbidden(id(5), "runner-c", 5)).count()).isEqualTo(2);
	}

	@Test
	void leavesVaryingCapturesOutOfTheKey() {
		Incidents incidents = new Incidents(Duration.ofMinutes(30), 10, List.of("pod"), this.clock);
		StoredDiagnosis a = secretsForbidden(id(1), "runner-a", 1);
		String key = incidents.key(a);
		assertThat(key).contains("k8s-rbac-forbidden", "runner=runner-a", "cicd").doesNotContain(" pod=");
	}

	@Test
	void neverJoinsFailuresNothingExplains() throws Exception {
		IncidentNotifier notifier = notifier("C1", 1000);
		String unexplained = "Running with gitlab-runner 17.0.0\nsomething odd happened\nERROR: Job failed: something odd\n";
		StoredDiagnosis first = SlackTestData.stored(id(1), unexplained, SlackTestData.webhook("k8s-runner-prod", 1));
		assertThat(first.diagnosis().category()).isEqualTo(io.tracedoc.pattern.Category.UNKNOWN);
		notifier.diagnosed(new DiagnosisCompleted(first));
		notifier.diagnosed(new DiagnosisCompleted(
				SlackTestData.stored(id(2), unexplained, SlackTestData.webhook("k8s-runner-prod", 2))));
		drain();
		assertThat(SlackApiStub.calls(slack, "chat.postMessage")).hasSize(2)
			.noneMatch((body) -> body.contains("thread_ts="));
	}

	@Test
	void joinsScriptFailuresOfOneJobButNotOfOtherProjects() {
		Incidents incidents = new Incidents(Duration.ofMinutes(30), 10, List.of("pod"), this.clock);
		String failing = "$ make\nsomething odd\nERROR: Job failed: exit code 2\n";
		JobContext app = SlackTestData.webhook("k8s-runner-prod", 1);
		JobContext other = new JobContext(JobContext.Source.WEBHOOK, SlackTestData.AT, null, "group/other", 8L, 3L,
				null, "build", 901L, "main", null, null, "k8s-runner-prod", null);
		StoredDiagnosis first = SlackTestData.stored(id(1), failing, app);
		assertThat(first.diagnosis().category()).isEqualTo(io.tracedoc.pattern.Category.SCRIPT_FAILURE);
		assertThat(incidents.join(first).count()).isEqualTo(1);
		assertThat(incidents.join(SlackTestData.stored(id(2), failing, SlackTestData.webhook("k8s-runner-prod", 2)))
			.count()).isEqualTo(2);
		assertThat(incidents.join(SlackTestData.stored(id(3), failing, other)).count()).isEqualTo(1);
	}

	@Test
	void staysQuietForOtherSourcesSucceededJobsPatternsNotYetStableAndWithoutChannel() throws Exception {
		IncidentNotifier notifier = notifier("C1", 1000);
		StoredDiagnosis incubating = SlackTestData.stored(id(5), """
				Getting source from Git repository
				error: cannot lock ref 'refs/remotes/origin/feature': 'refs/remotes/origin/feature/search' exists
				ERROR: Job failed: command terminated with exit code 1
				""", SlackTestData.webhook("k8s-runner-prod", 5));
		assertThat(incubating.diagnosis().top().maturity()).isEqualTo(FailurePattern.Maturity.INCUBATING);
		notifier.diagnosed(new DiagnosisCompleted(incubating));
		notifier.diagnosed(new DiagnosisCompleted(SlackTestData.stored(id(1), SlackTestData.secretsForbiddenLog(),
				JobContext.of(JobContext.Source.API))));
		notifier.diagnosed(new DiagnosisCompleted(
				SlackTestData.stored(id(2), "$ make\nJob succeeded\n", SlackTestData.webhook("k8s-runner-prod", 2))));
		notifier(null, 1000).diagnosed(new DiagnosisCompleted(secretsForbidden(id(3), "k8s-runner-prod", 3)));
		drain();
		assertThat(SlackApiStub.calls(slack, "chat.postMessage")).isEmpty();
		// and it does post a failure from the webhook
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(4), "k8s-runner-prod", 4)));
		drain();
		assertThat(SlackApiStub.calls(slack, "chat.postMessage")).hasSize(1);
	}

	@Test
	void postsParentAgainWhenSlackFailedTheFirstTime() throws Exception {
		slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.post(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/chat.postMessage"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ok\":false,\"error\":\"channel_not_found\"}")));
		IncidentNotifier notifier = notifier("C1", 1000);
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(1), "k8s-runner-prod", 1)));
		drain();
		SlackApiStub.stubWebApi(slack);
		notifier.diagnosed(new DiagnosisCompleted(secretsForbidden(id(2), "k8s-runner-prod", 2)));
		drain();
		List<String> posts = SlackApiStub.calls(slack, "chat.postMessage");
		assertThat(posts).hasSize(3);
		assertThat(posts.get(1)).doesNotContain("thread_ts=");
		assertThat(posts.get(2)).contains("thread_ts=" + SlackApiStub.TS, "Failure 2: ");
	}

	private IncidentNotifier notifier(String channel, int maxIncidents) {
		Incidents incidents = new Incidents(Duration.ofMinutes(30), maxIncidents, List.of("pod"), this.clock);
		return new IncidentNotifier(channel, SlackApiStub.client(slack), new SlackMessages(SlackTestData.ADDRESS),
				incidents, this.workers);
	}

	private void drain() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while ((this.workers.getActiveCount() > 0 || !this.workers.getQueue().isEmpty())
				&& System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.workers.getActiveCount()).isZero();
	}

	private static StoredDiagnosis secretsForbidden(String id, String runner, long job) {
		return SlackTestData.stored(id, SlackTestData.secretsForbiddenLog(), SlackTestData.webhook(runner, job));
	}

	private static String id(int n) {
		String digits = Integer.toString(n, 8).replace('0', 'a').replace('1', 'b');
		return ("cdefghjkmnpq" + digits).substring(digits.length());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
