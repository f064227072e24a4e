package io.tracedoc.gitlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.tracedoc.system.PublicAddress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * WireMock standing in for GitLab's REST API (v4), answering with bodies shaped like
 * GitLab's documented examples ({@code src/test/resources/gitlab/}): project 380
 * ({@code gitlab-org/gitlab-test}), pipeline 2366 of commit {@link #SHA} on branch
 * {@code feature/deploy-rbac}, open merge request !12 from that branch.
 */
final class FakeGitLab implements AutoCloseable {

	static final String TOKEN = "glpat-testTokenForFakeGitLab1";

	static final String SECRET = "webhook-secret-of-the-tests";

	/** tracedoc's own address in the tests: notes link to its permalinks. */
	static final PublicAddress ADDRESS = new PublicAddress(URI.create("https://tracedoc.example.com"));

	static final long PROJECT = 380;

	static final long PIPELINE = 2366;

	static final long MERGE_REQUEST = 12;

	static final String SHA = "2293ada6b400935a1378653304eaf6221e0fdb8f";

	static final Path FIXTURES = Path.of("src/test/resources/gitlab");

	final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	FakeGitLab() {
		this.server.start();
	}

	/**
	 * @return the instance's base URL, as configured in tracedoc
	 */
	String url() {
		return this.server.baseUrl();
	}

	/**
	 * @param name a fixture file
	 * @param values placeholders ({@code ${name}}) to fill; {@code ${gitlab}} is the URL
	 * @return its text
	 */
	String fixture(String name, Map<String, String> values) {
		try {
			String text = Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8).replace("${gitlab}", url());
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("${" + value.getKey() + "}", value.getValue());
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param name a fixture file
	 * @return its bytes
	 */
	static byte[] bytes(String name) {
		try {
			return Files.readAllBytes(FIXTURES.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A failed job of pipeline 2366 whose trace is the secrets-forbidden log with a token
	 * in it.
	 * @param jobId the job's id
	 * @param name the job's name
	 */
	void failedJob(long jobId, String name) {
		stub(get(urlPathEqualTo(api("/projects/" + PROJECT + "/jobs/" + jobId))),
				json(fixture("job.json", Map.of("jobId", Long.toString(jobId), "jobName", name))));
		stub(get(urlPathEqualTo(api("/projects/" + PROJECT + "/jobs/" + jobId + "/trace"))),
				aResponse().withStatus(200)
					.withHeader("Content-Type", "text/plain")
					.withBody(bytes("trace-secrets-forbidden.log")));
	}

	/**
	 * Commit {@link #SHA} belongs to the open merge request !12, which has no note yet.
	 */
	void mergeRequest() {
		stub(get(urlPathEqualTo(api("/projects/" + PROJECT + "/repository/commits/" + SHA + "/merge_requests"))),
				page(fixture("commit-merge-requests.json", Map.of())));
		stub(get(urlPathEqualTo(api("/projects/" + PROJECT + "/merge_requests/" + MERGE_REQUEST + "/notes"))),
				page("[]"));
		stub(post(urlPathEqualTo(api("/projects/" + PROJECT + "/merge_requests/" + MERGE_REQUEST + "/notes"))),
				json(fixture("mr-note.json", Map.of("body", "tracedoc"))).withStatus(201));
		stub(put(urlPathMatching(api("/projects/" + PROJECT + "/merge_requests/" + MERGE_REQUEST + "/notes/[0-9]+"))),
				json(fixture("mr-note.json", Map.of("body", "tracedoc"))));
	}

	/** Commit {@link #SHA} belongs to no merge request and has no discussion yet. */
	void noMergeRequest() {
		stub(get(urlPathEqualTo(api("/projects/" + PROJECT + "/repository/commits/" + SHA + "/merge_requests"))),
				page("[]"));
		stub(get(urlPathEqualTo(api("/projects/" + PROJECT + "/repository/commits/" + SHA + "/discussions"))),
				page("[]"));
		stub(post(urlPathEqualTo(api("/projects/" + PROJECT + "/repository/commits/" + SHA + "/discussions"))),
				json(fixture("commit-discussion.json", Map.of("body", "tracedoc"))).withStatus(201));
		stub(put(urlPathMatching(
				api("/projects/" + PROJECT + "/repository/commits/" + SHA + "/discussions/[0-9a-f]+/notes/[0-9]+"))),
				json(fixture("mr-note.json", Map.of("body", "tracedoc"))));
	}

	void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
		this.server.stubFor(request.withHeader("PRIVATE-TOKEN", equalTo(TOKEN)).willReturn(response));
	}

	/**
	 * @return the notes posted on merge request !12
	 */
	List<LoggedRequest> mergeRequestNotesPosted() {
		return this.server.findAll(WireMock.postRequestedFor(
				urlPathEqualTo(api("/projects/" + PROJECT + "/merge_requests/" + MERGE_REQUEST + "/notes"))));
	}

	/**
	 * @return the edits of notes on merge request !12
	 */
	List<LoggedRequest> mergeRequestNotesEdited() {
		return this.server.findAll(WireMock.putRequestedFor(
				urlPathMatching(api("/projects/" + PROJECT + "/merge_requests/" + MERGE_REQUEST + "/notes/[0-9]+"))));
	}

	/**
	 * @param jobId a job
	 * @return how often its trace was fetched
	 */
	int traceFetches(long jobId) {
		return this.server
			.findAll(
					WireMock.getRequestedFor(urlPathEqualTo(api("/projects/" + PROJECT + "/jobs/" + jobId + "/trace"))))
			.size();
	}

	static String api(String path) {
		return "/api/v4" + path;
	}

	static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** One page of a list, with GitLab's pagination headers. */
	static ResponseDefinitionBuilder page(String body) {
		return json(body).withHeader("X-Page", "1")
			.withHeader("X-Per-Page", "96")
			.withHeader("X-Total", "1")
			.withHeader("X-Total-Pages", "1")
			.withHeader("X-Next-Page", "")
			.withHeader("X-Prev-Page", "");
	}

	/**
	 * @param request a note's request, its body form-encoded
	 * @return the note's Markdown
	 */
	static String noteBody(LoggedRequest request) {
		String form = request.getBodyAsString();
		for (String field : form.split("&")) {
			if (field.startsWith("body=")) {
				return URLDecoder.decode(field.substring(5), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no body in " + form);
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
