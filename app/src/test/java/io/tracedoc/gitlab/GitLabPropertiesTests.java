package io.tracedoc.gitlab;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GitLabProperties}: bad configuration stops the start-up with a
 * sentence naming the property; none at all is fine.
 */
class GitLabPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void startsWithNothingConfigured() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			GitLabProperties properties = context.getBean(GitLabProperties.class);
			assertThat(properties.instances()).isEmpty();
			assertThat(properties.queue().capacity()).isEqualTo(1000);
			assertThat(properties.queue().directory()).isEqualTo(java.nio.file.Path.of("data/gitlab"));
		});
	}

	@Test
	void startsWithATokenOnlyInstanceForJobUrls() {
		this.runner
			.withPropertyValues("tracedoc.gitlab.instances.main.url=https://gitlab.example.com",
					"tracedoc.gitlab.instances.main.token=glpat-abc")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failsOnAnInstanceWithoutToken() {
		assertFails("tracedoc.gitlab.instances.main.token: set an access token with the api scope",
				"tracedoc.gitlab.instances.main.url=https://gitlab.example.com");
	}

	@Test
	void failsOnAnInstanceUrlThatIsNoWebUrl() {
		assertFails("tracedoc.gitlab.instances.main.url must be an http(s) URL",
				"tracedoc.gitlab.instances.main.url=gitlab.example.com", "tracedoc.gitlab.instances.main.token=t");
		assertFails("tracedoc.gitlab.instances.main.url must be an http(s) URL",
				"tracedoc.gitlab.instances.main.url=https://user:pass@gitlab.example.com",
				"tracedoc.gitlab.instances.main.token=t");
	}

	@Test
	void failsOnAShortWebhookSecret() {
		assertFails("webhook-secret: use at least 16 characters",
				"tracedoc.gitlab.instances.main.url=https://gitlab.example.com",
				"tracedoc.gitlab.instances.main.token=t", "tracedoc.gitlab.instances.main.webhook-secret=short");
	}

	@Test
	void failsOnAnEmptyQueueOrNoAttempts() {
		assertFails("tracedoc.gitlab.queue.capacity must be at least 1", "tracedoc.gitlab.queue.capacity=0");
		assertFails("tracedoc.gitlab.retry.max-attempts must be at least 1", "tracedoc.gitlab.retry.max-attempts=0");
		assertFails("max-backoff not below it", "tracedoc.gitlab.retry.initial-backoff=1m",
				"tracedoc.gitlab.retry.max-backoff=1s");
	}

	@Test
	void backsOffExponentiallyUpToTheMaximum() {
		GitLabProperties.Retry retry = new GitLabProperties.Retry(10, java.time.Duration.ofSeconds(5),
				java.time.Duration.ofSeconds(30));
		assertThat(java.util.stream.IntStream.rangeClosed(1, 5)
			.mapToObj(retry::backoff)
			.map(java.time.Duration::toSeconds)).containsExactly(5L, 10L, 20L, 30L, 30L);
	}

	private void assertFails(String message, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(message);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GitLabProperties.class)
	static class PropertiesOnly {

	}

}
