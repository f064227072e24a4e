package io.tracedoc.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HistoryController}: the page as the running service renders it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HistoryPageTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DiagnosisService service;

	private final String project = "group/" + UUID.randomUUID();

	@Test
	void listsDiagnosesWithPermalinksFacetsTrendAndUnknownClusters() throws Exception {
		StoredDiagnosis rbac = diagnose(HistorySearchTests.rbacLog("cicd", 1), "https://gitlab.example.com/job/1");
		StoredDiagnosis unknown = diagnose(HistorySearchTests.unknownLog(1), "javascript:alert(1)");
		diagnose(HistorySearchTests.unknownLog(2), null);
		HttpResponse<String> page = get("/history?project=" + encode(this.project));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>History</h1>")
			.contains("href=\"/d/" + rbac.id() + "\"")
			.contains("href=\"/d/" + unknown.id() + "\"")
			.contains("href=\"https://gitlab.example.com/job/1\"")
			.doesNotContain("javascript:alert")
			.contains("<svg class=\"history-chart\"")
			.containsPattern("<rect x=\"[\\d.]+\" y=\"[\\d.]+\" width=\"12\\.0\" height=\"[\\d.]+\" fill=\"#")
			.contains("Biggest unknown failures")
			.containsPattern("href=\"/api/v1/clusters/[0-9a-f]{16}/pattern\"")
			.contains("href=\"/history?category=unknown&amp;project=" + encode(this.project).replace("%2F", "/"))
			.contains("3</span> diagnoses")
			.contains("<span>3</span> diagnoses,")
			.contains("<strong>2</strong> failures");
	}

	@Test
	void isAPageOfTheSiteThatDiagnosisPagesLinkTo() throws Exception {
		StoredDiagnosis rbac = diagnose(HistorySearchTests.rbacLog("cicd", 1), null);
		assertThat(get("/history").body()).contains("href=\"/css/tracedoc.css\"")
			.contains("<a href=\"/history\">History</a>");
		assertThat(get("/d/" + rbac.id()).body()).contains("<a href=\"/history\">History</a>")
			.contains("href=\"/history?pattern=k8s-rbac-forbidden\"")
			.contains("href=\"/api/v1/diagnoses/" + rbac.id() + "/similar\"");
	}

	@Test
	void escapesHtmlThatALogCarries() throws Exception {
		diagnose("ERROR: Job failed (system failure): <script>alert('owned')</script> <img src=x onerror=alert(1)>\n",
				null);
		HttpResponse<String> page = get("/history?project=" + encode(this.project));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").contains("&lt;script&gt;");
	}

	@Test
	void saysWhatIsWrongWithAQueryItCannotRun() throws Exception {
		HttpResponse<String> page = get("/history?q=" + encode("category:(unknown"));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("role=\"alert\"").contains("not valid Lucene query syntax");
		HttpResponse<String> since = get("/history?since=tomorrow");
		assertThat(since.statusCode()).isEqualTo(400);
		assertThat(since.body()).contains("since must be a time");
	}

	private StoredDiagnosis diagnose(String log, String jobUrl) throws IOException {
		JobContext context = new JobContext(JobContext.Source.API, Instant.now(), null, this.project, 1L, 2L, jobUrl,
				"build", 3L, "main", null, null, "k8s-runner", null);
		return this.service.diagnose(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), context);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
