package io.tracedoc.slack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service with the token and the secret set to nothing (an empty environment
 * variable, say): the bot stays off, as with nothing configured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tracedoc.slack.bot-token=", "tracedoc.slack.signing-secret=" })
class SlackBlankTokenTests {

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "/slack/commands", "/slack/events", "/slack/interactions" })
	void answersNotFoundWhenTokenIsEmpty(String path) throws Exception {
		SlackDisabledTests.assertNotConfigured(this.port, path);
	}

}
