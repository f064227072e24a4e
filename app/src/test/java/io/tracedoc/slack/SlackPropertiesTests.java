package io.tracedoc.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Tests for the Slack configuration: off by default, on with token and secret, refused
 * when half set.
 */
class SlackPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class);

	@Test
	void isOffWithNothingConfigured() {
		this.context.run((context) -> {
			SlackProperties properties = context.getBean(SlackProperties.class);
			assertThat(properties.enabled()).isFalse();
			assertThat(properties.notifies()).isFalse();
		});
	}

	@Test
	void isOnWithTokenAndSecret() {
		this.context
			.withPropertyValues("tracedoc.slack.bot-token=xoxb-1", "tracedoc.slack.signing-secret=s",
					"tracedoc.slack.notification-channel=C1")
			.run((context) -> {
				SlackProperties properties = context.getBean(SlackProperties.class);
				assertThat(properties.enabled()).isTrue();
				assertThat(properties.notifies()).isTrue();
			});
	}

	@Test
	void refusesTokenWithoutSecretAndSecretWithoutToken() {
		this.context.withPropertyValues("tracedoc.slack.bot-token=xoxb-1")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("go together"));
		this.context.withPropertyValues("tracedoc.slack.signing-secret=s")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("go together"));
	}

	@Test
	void refusesChannelWithoutBot() {
		this.context.withPropertyValues("tracedoc.slack.notification-channel=C1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("notification-channel needs"));
		this.context.withPropertyValues("tracedoc.slack.bot-token=xoxb-1", "tracedoc.slack.signing-secret=s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SlackProperties.class)
	static class Properties {

	}

}
