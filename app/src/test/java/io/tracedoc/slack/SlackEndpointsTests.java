package io.tracedoc.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.gitlab.JobTraceFetcher;
import io.tracedoc.history.Feedback;
import io.tracedoc.history.HistorySearch;
import io.tracedoc.pattern.Category;

/**
 * The Slack bot in the running service, with WireMock as Slack (Web API, response URLs,
 * files) and requests signed in the test with a known secret.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tracedoc.slack.bot-token=xoxb-test",
				"tracedoc.slack.signing-secret=" + SlackEndpointsTests.SECRET,
				"tracedoc.public-url=https://tracedoc.example.com", "tracedoc.slack.notification-channel=CNOTIFY" })
@Import(SlackEndpointsTests.Gitlab.class)
class SlackEndpointsTests {

	static final String SECRET = "e2c5fdb9a9d6c8b0a7b6a5f4e3d2c1b0";

	private static final String JOB_URL = "https://gitlab.example.com/group/app/-/jobs/42";

	@RegisterExtension
	static WireMockExtension slack = WireMockExtension.newInstance()
		.options(WireMockConfiguration.wireMockConfig().dynamicPort())
		.build();

	@DynamicPropertySource
	static void slackApi(DynamicPropertyRegistry registry) {
		registry.add("tracedoc.slack.api-url", () -> slack.baseUrl() + "/api/");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private DiagnosisService diagnoses;

	@Autowired
	private HistorySearch history;

	@Autowired
	private ThreadPoolExecutor slackWorkers;

	@Autowired
	private SeedLogFetcher gitlab;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void stub() {
		SlackApiStub.stubWebApi(slack);
		this.gitlab.configured.set(true);
	}

	@Test
	void answersUrlVerificationChallenge() throws Exception {
		HttpResponse<String> response = send("/slack/events", "application/json",
				"{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("{\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}");
	}

	@Test
	void refusesUnverifiedRequestsWith401AndDoesNothing() throws Exception {
		long tasks = this.slackWorkers.getTaskCount();
		String body = command("refused", SlackTestData.secretsForbiddenLog());
		String now = Long.toString(Instant.now().getEpochSecond());
		String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
		List<HttpResponse<String>> refused = List.of(
				send("/slack/commands", FORM, body + "x", now, sign(SECRET, now, body)),
				send("/slack/commands", FORM, body, now, sign("not-the-secret", now, body)),
				send("/slack/commands", FORM, body, stale, sign(SECRET, stale, body)),
				send("/slack/commands", FORM, body, null, null),
				send("/slack/interactions", FORM, body + "x", now, sign(SECRET, now, body)),
				send("/slack/events", "application/json", "{\"type\":\"url_verification\",\"challenge\":\"c\"}", now,
						sign(SECRET, now, "{}")));
		assertThat(refused).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("Slack signature refused").doesNotContain("challenge\":\"c");
		});
		assertThat(this.slackWorkers.getTaskCount()).isEqualTo(tasks);
		assertThat(SlackApiStub.responses(slack, "refused")).isEmpty();
	}

	@Test
	void acknowledgesPastedLogAtOnceThenAnswersThroughResponseUrl() throws Exception {
		HttpResponse<String> ack = send("/slack/commands", FORM,
				command("pasted", SlackTestData.secretsForbiddenLog()));
		assertThat(ack.statusCode()).isEqualTo(200);
		assertThat(ack.body()).contains("\"response_type\":\"ephemeral\"", "Diagnosing");
		String answer = awaitResponse("pasted");
		assertThat(answer).contains("\"response_type\":\"in_channel\"", "k8s-rbac-forbidden", "tracedoc-reprobe",
				"tracedoc-evidence", "tracedoc-wrong", "https://tracedoc.example.com/d/");
	}

	@Test
	void neverShowsSecretsFromTheLog() throws Exception {
		String log = SlackTestData.secretsForbiddenLog()
			.replace("Preparing environment", "export GITLAB_TOKEN=glpat-AbCdEfGhIjKlMnOpQrSt\nPreparing environment")
			.replace("for more information", "for more information glpat-ZyXwVuTsRqPoNmLkJiHg");
		send("/slack/commands", FORM, command("secret", log));
		String answer = awaitResponse("secret");
		assertThat(answer).contains("k8s-rbac-forbidden", "glpat-[REDACTED]")
			.doesNotContain("AbCdEfGhIjKlMnOpQrSt", "ZyXwVuTsRqPoNmLkJiHg");
		String id = answer.replaceAll("(?s).*tracedoc-evidence\",\"value\":\"([a-z2-9]{12})\".*", "$1");
		send("/slack/interactions", FORM, action("secret-evidence", SlackMessages.EVIDENCE, id, null, null));
		assertThat(awaitResponse("secret-evidence")).contains("GITLAB_TOKEN\\u003d[REDACTED]")
			.doesNotContain("AbCdEfGhIjKlMnOpQrSt", "ZyXwVuTsRqPoNmLkJiHg");
	}

	@Test
	void diagnosesJobUrlThroughGitLab() throws Exception {
		send("/slack/commands", FORM, command("job", "<" + JOB_URL + ">"));
		assertThat(awaitResponse("job")).contains("k8s-rbac-forbidden", JOB_URL);
		assertThat(this.gitlab.fetched).isTrue();
	}

	@Test
	void saysNoGitLabTokenIsConfiguredForJobUrl() throws Exception {
		this.gitlab.configured.set(false);
		send("/slack/commands", FORM, command("no-gitlab", JOB_URL));
		assertThat(awaitResponse("no-gitlab")).contains("No GitLab token is configured", "ephemeral");
	}

	@Test
	void showsStoredDiagnosisForItsId() throws Exception {
		StoredDiagnosis stored = diagnose(SlackTestData.secretsForbiddenLog(), JobContext.of(JobContext.Source.API));
		send("/slack/commands", FORM, command("by-id", stored.id()));
		assertThat(awaitResponse("by-id")).contains("k8s-rbac-forbidden", "/d/" + stored.id());
		send("/slack/commands", FORM, command("unknown-id", "zzzzzzzzzzzz"));
		assertThat(awaitResponse("unknown-id")).contains("tracedoc has no diagnosis zzzzzzzzzzzz");
	}

	@Test
	void explainsUsageForEmptyCommandAtOnce() throws Exception {
		HttpResponse<String> ack = send("/slack/commands", FORM, command("empty", ""));
		assertThat(ack.body()).contains("Give me a GitLab job URL");
	}

	@Test
	void refusesBinaryLogWithSentence() throws Exception {
		send("/slack/commands", FORM, command("binary", "\u0001\u0002".repeat(40)));
		assertThat(awaitResponse("binary")).contains("not text", "ephemeral");
	}

	@Test
	void answersMentionInItsThread() throws Exception {
		send("/slack/events", "application/json", mention("CMENTION", "1700000001.000200", null,
				"<@U0BOT> " + SlackTestData.secretsForbiddenLog().replace("\"", "\\\"").replace("\n", "\\n"), ""));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(threadReplies("CMENTION")).singleElement()
				.satisfies((post) -> assertThat(post).contains("thread_ts=1700000001.000200", "k8s-rbac-forbidden")));
	}

	@Test
	void answersMentionInsideThreadInThatThread() throws Exception {
		send("/slack/events", "application/json",
				mention("CTHREAD", "1700000003.000300", "1700000002.000100", "<@U0BOT> " + JOB_URL, ""));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(threadReplies("CTHREAD")).singleElement()
				.satisfies((post) -> assertThat(post).contains("thread_ts=1700000002.000100", "k8s-rbac-forbidden")));
	}

	@Test
	void diagnosesLogFileAttachedToMention() throws Exception {
		slack.stubFor(get(urlEqualTo("/files/job.log"))
			.willReturn(aResponse().withStatus(200).withBody(SlackTestData.secretsForbiddenLog())));
		String files = ",\"files\":[{\"id\":\"F1\",\"name\":\"job.log\",\"size\":900,\"url_private_download\":\""
				+ slack.baseUrl() + "/files/job.log\"}]";
		send("/slack/events", "application/json", mention("CFILE", "1700000004.000100", null, "<@U0BOT>", files));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(threadReplies("CFILE")).singleElement()
				.satisfies((post) -> assertThat(post).contains("k8s-rbac-forbidden")));
		slack.verify(
				getRequestedFor(urlEqualTo("/files/job.log")).withHeader("Authorization", equalTo("Bearer xoxb-test")));
	}

	@Test
	void neverSendsTheTokenToFilesOutsideSlack() throws Exception {
		String files = ",\"files\":[{\"id\":\"F2\",\"name\":\"job.log\",\"size\":900,"
				+ "\"url_private_download\":\"https://evil.example/job.log\"}]";
		send("/slack/events", "application/json", mention("CEVIL", "1700000005.000100", null, "<@U0BOT>", files));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(threadReplies("CEVIL")).singleElement()
				.satisfies((post) -> assertThat(post).contains("could not answer")));
	}

	@Test
	void answersEachEventOnceWhateverSlackRetriesAndNeverABot() throws Exception {
		String now = Long.toString(Instant.now().getEpochSecond());
		String answered = mention("CRETRY", "1700000006.000100", null, "<@U0BOT> " + JOB_URL, "");
		long tasks = this.slackWorkers.getTaskCount();
		assertThat(send("/slack/events", "application/json", answered).statusCode()).isEqualTo(200);
		assertThat(this.slackWorkers.getTaskCount()).isEqualTo(tasks + 1);
		HttpResponse<String> retry = send("/slack/events", "application/json", answered, now,
				sign(SECRET, now, answered), "X-Slack-Retry-Num", "1");
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(this.slackWorkers.getTaskCount()).isEqualTo(tasks + 1);

		String firstLost = mention("CRETRY", "1700000006.000200", null, "<@U0BOT> " + JOB_URL, "");
		assertThat(send("/slack/events", "application/json", firstLost, now, sign(SECRET, now, firstLost),
				"X-Slack-Retry-Num", "2")
			.statusCode()).isEqualTo(200);
		assertThat(this.slackWorkers.getTaskCount()).isEqualTo(tasks + 2);
		tasks = this.slackWorkers.getTaskCount();
		String fromBot = mention("CBOT", "1700000007.000100", null, "<@U0BOT> " + JOB_URL, ",\"bot_id\":\"B1\"");
		assertThat(send("/slack/events", "application/json", fromBot).statusCode()).isEqualTo(200);
		assertThat(this.slackWorkers.getTaskCount()).isEqualTo(tasks);
	}

	@Test
	void reRunsProbesAndReplacesTheMessage() throws Exception {
		StoredDiagnosis stored = diagnose(SlackTestData.secretsForbiddenLog(), JobContext.of(JobContext.Source.API));
		send("/slack/interactions", FORM, action("reprobe", SlackMessages.REPROBE, stored.id(), null, null));
		String answer = awaitResponse("reprobe");
		assertThat(answer).contains("\"replace_original\":true", "Probes re-run at", "rbac-access-review",
				"probes are turned off");
	}

	@Test
	void showsMoreLinesAroundTheEvidence() throws Exception {
		StoredDiagnosis stored = diagnose(SlackTestData.secretsForbiddenLog(), JobContext.of(JobContext.Source.API));
		send("/slack/interactions", FORM, action("evidence", SlackMessages.EVIDENCE, stored.id(), null, null));
		String answer = awaitResponse("evidence");
		assertThat(answer).contains("Around line 9", "Using Kubernetes namespace: cicd", "secrets is forbidden",
				"\"replace_original\":false");
	}

	@Test
	void recordsWrongDiagnosisThenAsksForAndRecordsTheRightCategory() throws Exception {
		StoredDiagnosis stored = diagnose(SlackTestData.secretsForbiddenLog(), JobContext.of(JobContext.Source.API));
		send("/slack/interactions", FORM, action("wrong", SlackMessages.WRONG, stored.id(), null, null));
		assertThat(awaitResponse("wrong")).contains("static_select", "tracedoc-category", "category-" + stored.id(),
				"k8s-namespace-missing");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(feedbackOn(stored.id())).isNotNull()
				.satisfies((feedback) -> assertThat(feedback.verdict()).isEqualTo(Feedback.Verdict.WRONG)));
		send("/slack/interactions", FORM, action("category", SlackMessages.CATEGORY, null, "category-" + stored.id(),
				Category.K8S_NAMESPACE_MISSING.id()));
		assertThat(awaitResponse("category")).contains("should have been k8s-namespace-missing");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(feedbackOn(stored.id()).correctCategory())
				.isEqualTo(Category.K8S_NAMESPACE_MISSING));
	}

	@Test
	void notifiesChannelOfFailedJobFromTheWebhook() throws Exception {
		JobContext webhook = SlackTestData.webhook("k8s-runner-notify", 77);
		diagnose(SlackTestData.secretsForbiddenLog(), webhook);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(SlackApiStub.calls(slack, "chat.postMessage"))
				.filteredOn((post) -> post.contains("channel=CNOTIFY") && post.contains("k8s-runner-notify"))
				.singleElement()
				.satisfies((post) -> assertThat(post).doesNotContain("thread_ts=")
					.contains("1 failure with this cause on k8s-runner-notify")));
	}

	@Test
	void answersSslCheckWithoutDoingAnything() throws Exception {
		long tasks = this.slackWorkers.getTaskCount();
		HttpResponse<String> response = send("/slack/commands", FORM, "ssl_check=1&token=x");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(this.slackWorkers.getTaskCount()).isEqualTo(tasks);
	}

	@Test
	void refusesRequestLargerThanSlackSends() throws Exception {
		String body = "text=" + "x".repeat(SlackController.MAX_BODY_BYTES);
		assertThat(send("/slack/commands", FORM, body).statusCode()).isEqualTo(413);
	}

	@Test
	void refusesSignedRequestThatIsNoSlackPayload() throws Exception {
		assertThat(send("/slack/events", "application/json", "[1,2]").statusCode()).isEqualTo(400);
		assertThat(send("/slack/interactions", FORM, "nothing=here").statusCode()).isEqualTo(400);
		assertThat(send("/slack/commands", FORM, "text=no+response+url").statusCode()).isEqualTo(400);
	}

	private static final String FORM = "application/x-www-form-urlencoded";

	private StoredDiagnosis diagnose(String log, JobContext context) throws IOException {
		return this.diagnoses.diagnose(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), context);
	}

	private Feedback feedbackOn(String id) {
		return this.history.feedback(null, 100)
			.stream()
			.map((entry) -> entry.feedback())
			.filter((feedback) -> feedback.diagnosis().equals(id))
			.findFirst()
			.orElse(null);
	}

	private static String awaitResponse(String name) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(SlackApiStub.responses(slack, name)).isNotEmpty());
		return SlackApiStub.responses(slack, name).get(0);
	}

	private static List<String> threadReplies(String channel) {
		return SlackApiStub.calls(slack, "chat.postMessage")
			.stream()
			.filter((post) -> post.contains("channel=" + channel + "&"))
			.toList();
	}

	private static String command(String response, String text) {
		return "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Ftracedoc&text=" + encode(text) + "&response_url="
				+ encode(slack.baseUrl() + "/respond/" + response) + "&trigger_id=1.2.3";
	}

	private static String mention(String channel, String ts, String threadTs, String text, String extra) {
		return "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev" + ts.replace(".", "")
				+ "\",\"event\":{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"" + text + "\",\"ts\":\"" + ts
				+ "\",\"channel\":\"" + channel + "\""
				+ ((threadTs != null) ? ",\"thread_ts\":\"" + threadTs + "\"" : "") + extra + "}}";
	}

	private static String action(String response, String actionId, String value, String blockId, String selected) {
		String element = "{\"action_id\":\"" + actionId + "\",\"block_id\":\"" + ((blockId != null) ? blockId : "b1")
				+ "\"" + ((value != null) ? ",\"value\":\"" + value + "\"" : "")
				+ ((selected != null) ? ",\"selected_option\":{\"value\":\"" + selected + "\"}" : "")
				+ ",\"type\":\"button\"}";
		String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"response_url\":\"" + slack.baseUrl()
				+ "/respond/" + response + "\",\"actions\":[" + element + "]}";
		return "payload=" + encode(payload);
	}

	private HttpResponse<String> send(String path, String type, String body) throws Exception {
		String now = Long.toString(Instant.now().getEpochSecond());
		return send(path, type, body, now, sign(SECRET, now, body));
	}

	private HttpResponse<String> send(String path, String type, String body, String timestamp, String signature,
			String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (timestamp != null) {
			request.header("X-Slack-Request-Timestamp", timestamp);
		}
		if (signature != null) {
			request.header("X-Slack-Signature", signature);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sign(String secret, String timestamp, String body) {
		return SlackRequestVerifierTests.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** GitLab serving the seed log for job 42. */
	static final class SeedLogFetcher implements JobTraceFetcher {

		final AtomicBoolean configured = new AtomicBoolean(true);

		volatile boolean fetched;

		@Override
		public boolean configured() {
			return this.configured.get();
		}

		@Override
		public InputStream fetch(URI jobUrl) throws IOException {
			if (!jobUrl.toString().equals(JOB_URL)) {
				throw new IOException("no such job");
			}
			this.fetched = true;
			return new ByteArrayInputStream(SlackTestData.secretsForbiddenLog().getBytes(StandardCharsets.UTF_8));
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Gitlab {

		@Bean
		@Primary
		SeedLogFetcher seedLogFetcher() {
			return new SeedLogFetcher();
		}

	}

}
