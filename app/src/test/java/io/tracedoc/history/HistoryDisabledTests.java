package io.tracedoc.history;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.tracedoc.diagnosis.DiagnosisStore;
import io.tracedoc.diagnosis.InMemoryDiagnosisStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code tracedoc.history.enabled=false}: the in-memory store keeps the latest
 * diagnoses, and neither the history API nor links to the history page are there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tracedoc.history.enabled=false")
class HistoryDisabledTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DiagnosisStore store;

	@Test
	void fallsBackToTheInMemoryStoreWithoutTheHistoryApi() throws Exception {
		assertThat(this.store).isInstanceOf(InMemoryDiagnosisStore.class);
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/stats")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(404);
			HttpResponse<String> home = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(home.body()).contains("href=\"/patterns\"").doesNotContain("href=\"/history\"");
		}
	}

}
