package io.tracedoc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test for {@link TracedocApplication}: the service starts on embedded defaults and
 * says it is healthy.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TracedocApplicationTests {

	@LocalServerPort
	private int port;

	@Test
	void answersUpOnTheHealthEndpoint() throws IOException, InterruptedException {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void exposesNoOtherActuatorEndpointThanHealthAndInfo() throws IOException, InterruptedException {
		assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

}
