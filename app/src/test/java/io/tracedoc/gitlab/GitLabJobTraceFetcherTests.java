package io.tracedoc.gitlab;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link GitLabJobTraceFetcher}, the client behind the paste page's job URL
 * field.
 */
class GitLabJobTraceFetcherTests {

	private final FakeGitLab gitlab = new FakeGitLab();

	@AfterEach
	void stopGitLab() {
		this.gitlab.close();
	}

	/** gitlab4j sends the project path with '/' and '-' percent-encoded. */
	@Test
	void fetchesTheTraceOfAJobUrlOnAConfiguredInstance() throws IOException {
		this.gitlab.stub(get(urlPathEqualTo(FakeGitLab.api("/projects/gitlab%2Dorg%2Fgitlab%2Dtest/jobs/1977/trace"))),
				aResponse().withStatus(200).withBody(FakeGitLab.bytes("trace-secrets-forbidden.log")));
		JobTraceFetcher fetcher = fetcher(this.gitlab.url());

		try (InputStream trace = fetcher.fetch(URI.create(this.gitlab.url() + "/gitlab-org/gitlab-test/-/jobs/1977"))) {
			assertThat(trace.readAllBytes()).isEqualTo(FakeGitLab.bytes("trace-secrets-forbidden.log"));
		}
		assertThat(fetcher.configured()).isTrue();
	}

	/** The parser repairs bad UTF-8 itself; a String on the way would already have. */
	@Test
	void handsOnTheTracesBytesUntouchedEvenWhenTheyAreNotUtf8() throws IOException {
		byte[] raw = { 'o', 'k', ' ', (byte) 0xff, (byte) 0xfe, '\r', '\n', 0, 0x1b, '[', '0', 'K' };
		this.gitlab.stub(get(urlPathEqualTo(FakeGitLab.api("/projects/gitlab%2Dorg%2Fgitlab%2Dtest/jobs/1978/trace"))),
				aResponse().withStatus(200).withBody(raw));

		try (InputStream trace = fetcher(this.gitlab.url())
			.fetch(URI.create(this.gitlab.url() + "/gitlab-org/gitlab-test/-/jobs/1978"))) {
			assertThat(trace.readAllBytes()).isEqualTo(raw);
		}
	}

	@Test
	void refusesAJobUrlOfAnotherHostWithoutAskingIt() {
		JobTraceFetcher fetcher = fetcher(this.gitlab.url());

		assertThatIOException()
			.isThrownBy(() -> fetcher.fetch(URI.create("https://gitlab.evil.example/group/project/-/jobs/1")))
			.withMessageContaining("no configured GitLab instance serves gitlab.evil.example");
		assertThat(this.gitlab.server.getAllServeEvents()).isEmpty();
	}

	@Test
	void saysWhatGitLabAnsweredWhenTheJobIsNotThere() {
		this.gitlab.stub(get(urlPathEqualTo(FakeGitLab.api("/projects/gitlab%2Dorg%2Fgitlab%2Dtest/jobs/404/trace"))),
				FakeGitLab.json("{\"message\":\"404 Not found\"}").withStatus(404));
		JobTraceFetcher fetcher = fetcher(this.gitlab.url());

		assertThatIOException()
			.isThrownBy(() -> fetcher.fetch(URI.create(this.gitlab.url() + "/gitlab-org/gitlab-test/-/jobs/404")))
			.withMessageContaining("GitLab answered 404");
	}

	@Test
	void isNotConfiguredWithoutAnInstance() {
		GitLabJobTraceFetcher fetcher = new GitLabJobTraceFetcher(new GitLabInstances(
				new GitLabProperties(Map.of(), false, Duration.ofSeconds(1), DataSize.ofMegabytes(1),
						new GitLabProperties.Queue(java.nio.file.Path.of("unused"), 1, 1, Duration.ofDays(30)),
						new GitLabProperties.Retry(1, Duration.ZERO, Duration.ZERO))));

		assertThat(fetcher.configured()).isFalse();
	}

	private static JobTraceFetcher fetcher(String url) {
		return new GitLabJobTraceFetcher(
				new GitLabInstances(
						new GitLabProperties(
								Map.of("gitlab",
										new GitLabProperties.Instance(URI.create(url), FakeGitLab.TOKEN, null,
												List.of())),
								false, Duration.ofSeconds(5), DataSize.ofMegabytes(1),
								new GitLabProperties.Queue(java.nio.file.Path.of("unused"), 1, 1, Duration.ofDays(30)),
								new GitLabProperties.Retry(1, Duration.ZERO, Duration.ZERO))));
	}

}
