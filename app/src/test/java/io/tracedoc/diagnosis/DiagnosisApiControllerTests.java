package io.tracedoc.diagnosis;

import java.nio.charset.StandardCharsets;

import io.tracedoc.cli.CliJson;
import io.tracedoc.gitlab.JobTraceFetcher;
import io.tracedoc.system.WebSlice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DiagnosisApiController}, on the real engine and in-memory store.
 */
@WebMvcTest(DiagnosisApiController.class)
@WebSlice
@Import({ LogIntake.class, LogViewer.class, DiagnosisApiControllerTests.Diagnoses.class })
class DiagnosisApiControllerTests {

	private static final int LIMIT = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void answersTheDiagnosisJsonOfTheCommandLineForSeedLogs() {
		for (String example : new String[] { "seed-000-secrets-forbidden-ui-copy.log",
				"k8s-17-failed-get-sources-retried.log" }) {
			MvcTestResult created = postText(TestDiagnoses.example(example));
			assertThat(created).hasStatus(201);
			ObjectNode api = (ObjectNode) JSON.readTree(created.getResponse().getContentAsByteArray());
			ObjectNode cli = (ObjectNode) JSON
				.readTree(CliJson.diagnose(TestDiagnoses.EXAMPLES.resolve(example).toString()));
			assertThat(api.get("id").asString()).matches("[a-z2-9]{12}");
			assertThat(cli.get("id").isNull()).isTrue();
			assertThat(withoutIdAndTimings(api)).as(example).isEqualTo(withoutIdAndTimings(cli));
		}
	}

	@Test
	void createsADiagnosisWithItsLocationAndItsPage() {
		MvcTestResult created = postText(TestDiagnoses.example("seed-000-secrets-forbidden-ui-copy.log"));
		assertThat(created).hasStatus(201).hasContentType(MediaType.APPLICATION_JSON);
		String id = JSON.readTree(created.getResponse().getContentAsByteArray()).get("id").asString();
		assertThat(created).headers()
			.hasValue("Location", "/api/v1/diagnoses/" + id)
			.hasValue("Link", "</d/" + id + ">; rel=\"alternate\"; type=\"text/html\"");
		MvcTestResult read = this.mvc.get().uri("/api/v1/diagnoses/{id}", id).exchange();
		assertThat(read).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(read.getResponse().getContentAsByteArray()).isEqualTo(created.getResponse().getContentAsByteArray());
	}

	@Test
	void takesTheLogInJsonWithoutACsrfToken() {
		String body = JSON.writeValueAsString(java.util.Map.of("log",
				new String(TestDiagnoses.example("seed-004-4-unauthorized-wrapped.log"), StandardCharsets.UTF_8)));
		MvcTestResult created = this.mvc.post()
			.uri("/api/v1/diagnoses")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.category").isEqualTo("k8s-api-unauthorized");
	}

	@Test
	void refusesJsonWithBothOrNeitherLogAndJobUrl() {
		for (String body : new String[] { "{}", "{\"log\":\"x\",\"jobUrl\":\"https://g/p/-/jobs/1\"}", "null" }) {
			assertProblem(postJson(body), 400, "Malformed request");
		}
	}

	@Test
	void refusesJsonItCannotRead() {
		assertProblem(postJson("{\"log\": "), 400, "Malformed request");
		assertProblem(postJson("[1, 2]"), 400, "Malformed request");
	}

	@Test
	void saysWhenNoGitLabTokenIsConfiguredForAJobUrl() {
		MvcTestResult result = postJson("{\"jobUrl\":\"https://gitlab.example.com/group/project/-/jobs/42\"}");
		assertProblem(result, 501, "GitLab not configured");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("No GitLab token is configured");
	}

	@Test
	void refusesABodyOfAnotherTypeWith415() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/diagnoses")
			.contentType(MediaType.APPLICATION_XML)
			.content("<log/>")
			.exchange();
		assertProblem(result, 415, "Unsupported Media Type");
		assertThat(result).headers().containsHeader("Accept");
		assertProblem(this.mvc.post().uri("/api/v1/diagnoses").content("no type").exchange(), 415,
				"Unsupported Media Type");
	}

	@Test
	void refusesALogOverTheLimitWith413AndAcceptsOneAtIt() {
		byte[] atLimit = logOfSize(LIMIT);
		assertThat(postText(atLimit)).hasStatus(201);
		MvcTestResult over = postText(logOfSize(LIMIT + 1));
		assertProblem(over, 413, "Log too large");
		assertThat(over).bodyJson().extractingPath("$.limitBytes").isEqualTo(LIMIT);
		assertProblem(postJson("{\"log\":\"" + "x".repeat(LIMIT) + "\"}"), 413, "Log too large");
	}

	@Test
	void refusesAnEmptyLogAndOneThatIsNoText() {
		assertProblem(postText(new byte[0]), 400, "Empty log");
		assertProblem(postJson("{\"log\":\"\"}"), 400, "Empty log");
		assertProblem(postText(TestDiagnoses.example("hostile-random-binary.log")), 422, "Not a text log");
	}

	@Test
	void answersNotFoundForAnIdItDoesNotKeep() {
		assertProblem(this.mvc.get().uri("/api/v1/diagnoses/abcdefghijkm").exchange(), 404, "No such diagnosis");
		assertProblem(this.mvc.get().uri("/api/v1/diagnoses/<script>").exchange(), 404, "No such diagnosis");
		assertProblem(this.mvc.get().uri("/api/v1/diagnoses/abcdefghijkm/log").exchange(), 404, "No such diagnosis");
	}

	@Test
	void pagesTheStoredRedactedLog() {
		String log = "Running with gitlab-runner 17.5.0 (abc)\n" + "export TOKEN=glpat-AbCdEfGhIjKlMnOpQrSt\n"
				+ "\u001b[31;1mERROR: Job failed: exit code 1\u001b[0m\n";
		MvcTestResult created = postText(log.getBytes(StandardCharsets.UTF_8));
		String id = JSON.readTree(created.getResponse().getContentAsByteArray()).get("id").asString();
		MvcTestResult page = this.mvc.get().uri("/api/v1/diagnoses/{id}/log?from=1&count=5", id).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyJson().extractingPath("$.fromIndex").isEqualTo(1);
		assertThat(page).bodyJson().extractingPath("$.totalLines").isEqualTo(3);
		assertThat(page).bodyJson().extractingPath("$.rows[0].spans[0].text").isEqualTo("export TOKEN=[REDACTED]");
		assertThat(page).bodyJson().extractingPath("$.rows[1].spans[0].classes").isEqualTo("t-fg-1 t-bold");
		assertThat(this.mvc.get().uri("/api/v1/diagnoses/{id}/log?line=3&count=1", id).exchange()).bodyJson()
			.extractingPath("$.rows[0].number")
			.isEqualTo(3);
		assertProblem(this.mvc.get().uri("/api/v1/diagnoses/{id}/log?from=first", id).exchange(), 400, "Bad Request");
	}

	@Test
	void marksTheLinesTheDiagnosisCitesInTheStoredLog() {
		MvcTestResult created = postText(TestDiagnoses.example("seed-000-secrets-forbidden-ui-copy.log"));
		String id = JSON.readTree(created.getResponse().getContentAsByteArray()).get("id").asString();
		assertThat(this.mvc.get().uri("/api/v1/diagnoses/{id}/log?line=9&count=1", id).exchange()).bodyJson()
			.extractingPath("$.rows[0].evidence")
			.isEqualTo(true);
		assertThat(this.mvc.get().uri("/api/v1/diagnoses/{id}/log?line=4&count=1", id).exchange()).bodyJson()
			.extractingPath("$.rows[0].evidence")
			.isEqualTo(false);
	}

	private MvcTestResult postText(byte[] log) {
		return this.mvc.post().uri("/api/v1/diagnoses").contentType(MediaType.TEXT_PLAIN).content(log).exchange();
	}

	private MvcTestResult postJson(String body) {
		return this.mvc.post()
			.uri("/api/v1/diagnoses")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static void assertProblem(MvcTestResult result, int status, String title) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo(title);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
	}

	private static byte[] logOfSize(int bytes) {
		byte[] log = new byte[bytes];
		java.util.Arrays.fill(log, (byte) 'x');
		for (int i = 79; i < bytes; i += 80) {
			log[i] = '\n';
		}
		return log;
	}

	/**
	 * Also drops why each probe did not run: each tool names its own way to give it a
	 * cluster.
	 */
	private static JsonNode withoutIdAndTimings(ObjectNode diagnosis) {
		ObjectNode copy = diagnosis.deepCopy();
		copy.remove("id");
		copy.remove("timings");
		copy.get("findings").forEach((finding) -> finding.get("probes").forEach((probe) -> {
			assertThat(probe.get("status").asString()).isEqualTo("NOT_CHECKED");
			((ObjectNode) probe).remove("reason");
		}));
		return copy;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Diagnoses {

		@Bean
		DiagnosisService diagnosisService() {
			return TestDiagnoses.service(LIMIT);
		}

		@Bean
		JobTraceFetcher jobTraceFetcher() {
			return JobTraceFetcher.unconfigured();
		}

	}

}
