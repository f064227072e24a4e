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
import io.tracedoc.diagnosis.DiagnosisStore;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HistoryApiController} and {@link DiagnosisMetrics} in the running
 * service, with the Lucene store it starts by default.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HistoryApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private DiagnosisService service;

	@Autowired
	private DiagnosisStore store;

	private final String project = "group/" + UUID.randomUUID();

	@Test
	void keepsDiagnosesInTheLuceneStoreByDefault() {
		assertThat(this.store).isInstanceOf(LuceneDiagnosisStore.class);
	}

	@Test
	void searchesDiagnosesWithFacetsAndFilters() throws Exception {
		StoredDiagnosis rbac = diagnose(HistorySearchTests.rbacLog("cicd", 1));
		StoredDiagnosis unknown = diagnose(HistorySearchTests.unknownLog(1));
		JsonNode all = getJson("/api/v1/diagnoses?project=" + encode(this.project));
		assertThat(all.get("total").asLong()).isEqualTo(2);
		assertThat(all.get("rows").get(0).get("id").asString()).isEqualTo(unknown.id());
		assertThat(all.get("rows").get(0).get("createdAt").asString()).isEqualTo(unknown.createdAt().toString());
		assertThat(all.get("facets").get("category").toString()).contains("\"k8s-rbac-forbidden\"")
			.contains("\"unknown\"");
		JsonNode unknownOnly = getJson("/api/v1/diagnoses?category=unknown&project=" + encode(this.project));
		assertThat(unknownOnly.get("total").asLong()).isEqualTo(1);
		JsonNode text = getJson("/api/v1/diagnoses?q=" + encode("secrets AND namespace:cicd") + "&project="
				+ encode(this.project) + "&since=1h");
		assertThat(text.get("rows").get(0).get("id").asString()).isEqualTo(rbac.id());
		assertThat(text.get("total").asLong()).isEqualTo(1);
		JsonNode future = getJson("/api/v1/diagnoses?since=2999-01-01&project=" + encode(this.project));
		assertThat(future.get("total").asLong()).isZero();
	}

	@Test
	void answersBadRequestsWithProblemDetails() throws Exception {
		HttpResponse<String> query = get("/api/v1/diagnoses?q=" + encode("category:(unknown"));
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(query.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(query.body()).get("detail").asString()).contains("not valid Lucene query syntax");
		assertThat(get("/api/v1/diagnoses?category=no-such-category").statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/diagnoses?since=yesterday").statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/diagnoses?limit=100000").statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/diagnoses?offset=abc").statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/diagnoses/aaaaaaaaaaaa/similar").statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/diagnoses/..%2F..%2Fetc/similar").statusCode()).isIn(400, 404);
		assertThat(get("/api/v1/clusters/0123456789abcdef").statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/clusters/%3Cscript%3E/pattern").statusCode()).isEqualTo(404);
	}

	@Test
	void recordsFeedbackAndCountsItInTheStats() throws Exception {
		StoredDiagnosis stored = diagnose(HistorySearchTests.rbacLog("cicd", 1));
		HttpResponse<String> created = post("/api/v1/diagnoses/" + stored.id() + "/feedback",
				"{\"verdict\":\"wrong\",\"category\":\"k8s-service-account-missing\",\"note\":\"no such account\"}",
				"application/json");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(created.body()).get("correctCategory").asString())
			.isEqualTo("k8s-service-account-missing");
		JsonNode listed = getJson("/api/v1/feedback?verdict=wrong");
		assertThat(listed.toString()).contains(stored.id());
		JsonNode stats = getJson("/api/v1/stats");
		assertThat(stats.get("feedback").get("wrong").asLong()).isPositive();
		assertThat(stats.get("diagnoses").asLong()).isPositive();
		assertThat(post("/api/v1/diagnoses/" + stored.id() + "/feedback", "{\"verdict\":\"maybe\"}", "application/json")
			.statusCode()).isEqualTo(400);
		assertThat(post("/api/v1/diagnoses/" + stored.id() + "/feedback", "verdict=right", "text/plain").statusCode())
			.isEqualTo(415);
		assertThat(post("/api/v1/diagnoses/zzzzzzzzzzzz/feedback", "{\"verdict\":\"right\"}", "application/json")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void listsSimilarFailuresClustersAndTheirDraftPattern() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9]", "q");
		String log = HistorySearchTests.unknownLog(1).replace("flux capacitor", "flux " + marker);
		StoredDiagnosis first = diagnose(log);
		StoredDiagnosis second = diagnose(HistorySearchTests.unknownLog(2).replace("flux capacitor", "flux " + marker));
		JsonNode similar = getJson("/api/v1/diagnoses/" + second.id() + "/similar");
		assertThat(similar.get("groups").get(0).get("kind").asString()).isEqualTo("same-signature");
		assertThat(similar.get("groups").get(0).get("recent").get(0).get("id").asString()).isEqualTo(first.id());
		String signature = similar.get("signature").asString();
		JsonNode cluster = getJson("/api/v1/clusters/" + signature);
		assertThat(cluster.get("count").asLong()).isEqualTo(2);
		assertThat(getJson("/api/v1/clusters?limit=100").toString()).contains(signature);
		HttpResponse<String> draft = get("/api/v1/clusters/" + signature + "/pattern");
		assertThat(draft.statusCode()).isEqualTo(200);
		assertThat(draft.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/yaml"));
		assertThat(draft.body()).contains("id: draft-" + signature).contains(marker);
	}

	@Test
	void exposesDiagnosisMetricsForPrometheus() throws Exception {
		diagnose(HistorySearchTests.rbacLog("cicd", 1));
		diagnose(HistorySearchTests.unknownLog(1));
		HttpResponse<String> metrics = get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body())
			.containsPattern("tracedoc_diagnoses_total\\{category=\"k8s-rbac-forbidden\",pattern=\"[a-z0-9-]+\"}")
			.contains("tracedoc_diagnoses_total{category=\"unknown\",pattern=\"none\"}")
			.contains("tracedoc_diagnoses_unknown_ratio")
			.contains("tracedoc_probe_checks_total{probe=")
			.contains("tracedoc_engine_latency_seconds_bucket{phase=\"parse-and-match\"");
	}

	private StoredDiagnosis diagnose(String log) throws IOException {
		JobContext context = new JobContext(JobContext.Source.API, Instant.now(), null, this.project, 1L, 2L, null,
				"build", 3L, "main", null, null, "k8s-runner", null);
		return this.service.diagnose(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), context);
	}

	private JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	private HttpResponse<String> post(String path, String body, String type) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
