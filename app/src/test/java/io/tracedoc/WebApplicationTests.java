package io.tracedoc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI and the REST API in the running service: security headers, the CSRF cookie
 * and a form sent the way a browser sends it, limits enforced by the server itself, one
 * error page for browsers and problem details for programs, the OpenAPI description.
 */
@WebApplicationTest
class WebApplicationTests {

	private static final Path SEEDS = Path.of("../grammar/src/test/resources/examples");

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesTheHomePageWithStrictSecurityHeadersAndItsOwnAssets() throws Exception {
		HttpResponse<String> home = send(get("/").header("Accept", "text/html"));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Content-Security-Policy")).contains(CSP);
		assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(home.headers().firstValue("Referrer-Policy")).contains("same-origin");
		assertThat(home.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("HttpOnly", "SameSite=Strict"));
		assertThat(home.body()).doesNotContain("style=", "<style", "onclick", "https://cdn", "http://cdn");
		Map<String, String> assets = Map.of("/css/tracedoc.css", "text/css", "/css/terminal.css", "text/css",
				"/js/tracedoc.js", "text/javascript", "/favicon.svg", "image/svg+xml");
		for (Map.Entry<String, String> asset : assets.entrySet()) {
			HttpResponse<String> response = send(get(asset.getKey()));
			assertThat(response.statusCode()).as(asset.getKey()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(asset.getValue());
		}
	}

	@Test
	void diagnosesAFormSentLikeABrowserSendsIt() throws Exception {
		Form form = Form.open(this);
		HttpResponse<String> posted = form.post("/diagnoses",
				Map.of("log", Files.readString(SEEDS.resolve("seed-000-secrets-forbidden-ui-copy.log"))), "text/html");
		assertThat(posted.statusCode()).isEqualTo(302);
		String location = posted.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/d/[a-z2-9]{12}");
		HttpResponse<String> page = send(get(URI.create(location).getPath()).header("Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("k8s-rbac-forbidden", "kind: RoleBinding", "id=\"L9\"");
	}

	@Test
	void refusesAFormOverThePasteLimitWithAPageSayingSo() throws Exception {
		Form form = Form.open(this);
		String paste = "x".repeat(WebApplicationTest.MAX_PASTE_BYTES + 8 * 1024);
		HttpResponse<String> page = form.post("/diagnoses", Map.of("log", paste), "text/html");
		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(page.headers().firstValue("Content-Security-Policy")).contains(CSP);
		assertThat(page.body()).contains("<h1>Log too large</h1>", "the paste box up to 64 KB");
		HttpResponse<String> problem = form.post("/diagnoses", Map.of("log", paste), "application/json");
		assertThat(problem.statusCode()).isEqualTo(413);
		assertThat(problem.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(problem.body()).contains("\"title\":\"Log too large\"", "\"instance\":\"/diagnoses\"");
	}

	@Test
	void refusesAFormWithoutItsTokenAsForged() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/samples/seed-000-secrets-forbidden-ui-copy"))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("")));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("<h1>Form refused</h1>");
	}

	@Test
	void answersErrorsWithAPageToBrowsersAndProblemDetailsToPrograms() throws Exception {
		HttpResponse<String> page = send(get("/no/such/page").header("Accept", "text/html,application/xhtml+xml"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<h1>Not found</h1>", "tracedoc has no page or file at this address.");
		assertThat(page.headers().firstValue("Content-Security-Policy")).contains(CSP);
		HttpResponse<String> problem = send(get("/api/v1/no-such-thing"));
		assertThat(problem.statusCode()).isEqualTo(404);
		assertThat(problem.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(problem.body()).contains("\"status\":404", "\"title\":\"Not found\"");
		HttpResponse<String> diagnosis = send(get("/d/abcdefghijkm").header("Accept", "text/html"));
		assertThat(diagnosis.statusCode()).isEqualTo(404);
		assertThat(diagnosis.body()).contains("<h1>No such diagnosis</h1>");
		HttpResponse<String> method = send(HttpRequest.newBuilder(uri("/api/v1/patterns")).DELETE());
		assertThat(method.statusCode()).isEqualTo(405);
		assertThat(method.headers().firstValue("Content-Type")).contains("application/problem+json");
	}

	@Test
	void refusesAnApiLogOverTheLimitWhetherItsLengthIsDeclaredOrNot() throws Exception {
		byte[] log = new byte[WebApplicationTest.MAX_LOG_BYTES + 4096];
		Arrays.fill(log, (byte) 'y');
		HttpResponse<String> declared = send(HttpRequest.newBuilder(uri("/api/v1/diagnoses"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofByteArray(log)));
		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat(declared.body()).contains("\"limitBytes\":" + WebApplicationTest.MAX_LOG_BYTES);
		HttpResponse<String> streamed = send(HttpRequest.newBuilder(uri("/api/v1/diagnoses"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(log))));
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertThat(streamed.headers().firstValue("Content-Type")).contains("application/problem+json");
	}

	@Test
	void describesTheRestApiInOpenApiServedByItself() throws Exception {
		HttpResponse<String> description = send(get("/v3/api-docs"));
		assertThat(description.statusCode()).isEqualTo(200);
		assertThat(description.body())
			.contains("\"/api/v1/diagnoses\"", "\"/api/v1/diagnoses/{id}\"", "\"/api/v1/diagnoses/{id}/log\"",
					"\"/api/v1/patterns\"", "\"/api/v1/patterns/{id}\"", "text/plain", "DiagnosisRequest")
			.doesNotContain("\"/d/{id}\"", "\"/samples/{name}\"");
		HttpResponse<String> browser = send(get("/swagger-ui/index.html"));
		assertThat(browser.statusCode()).isEqualTo(200);
		assertThat(browser.body()).doesNotContain("https://", "<script>");
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A form as a browser holds it: the CSRF cookie and the token of the page it came
	 * from, sent back as multipart/form-data.
	 */
	private record Form(WebApplicationTests test, String cookie, String token) {

		private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		static Form open(WebApplicationTests test) throws IOException, InterruptedException {
			HttpResponse<String> home = test.send(test.get("/").header("Accept", "text/html"));
			String cookie = home.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter((value) -> value.startsWith("XSRF-TOKEN="))
				.findFirst()
				.orElseThrow()
				.split(";")[0];
			Matcher token = TOKEN.matcher(home.body());
			assertThat(token.find()).isTrue();
			return new Form(test, cookie, token.group(1));
		}

		HttpResponse<String> post(String path, Map<String, String> fields, String accept)
				throws IOException, InterruptedException {
			String boundary = "tracedoc-test-boundary";
			Map<String, String> all = new LinkedHashMap<>();
			all.put("_csrf", this.token);
			all.putAll(fields);
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (Map.Entry<String, String> field : all.entrySet()) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
						+ "\"\r\n\r\n" + field.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return this.test.send(HttpRequest.newBuilder(this.test.uri(path))
				.header("Accept", accept)
				.header("Cookie", this.cookie)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		}

	}

}
