package io.tracedoc.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

/**
 * Tests for the check of Slack's signature: over the exact body, with this app's secret,
 * within five minutes either side of now.
 */
class SlackRequestVerifierTests {

	private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	private static final byte[] BODY = "token=x&command=%2Ftracedoc&text=abc&response_url=https%3A%2F%2Fhooks.slack.com%2Fx"
		.getBytes(StandardCharsets.UTF_8);

	private final SlackRequestVerifier verifier = new SlackRequestVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsBodySignedWithTheSecretJustNow() {
		String timestamp = timestamp(NOW);
		assertThat(this.verifier.verify(timestamp, sign(SECRET, timestamp, BODY), BODY)).isTrue();
	}

	@Test
	void refusesTamperedBody() {
		String timestamp = timestamp(NOW);
		String signature = sign(SECRET, timestamp, BODY);
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("abc", "abd")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(this.verifier.verify(timestamp, signature, tampered)).isFalse();
	}

	@Test
	void refusesBodySignedWithAnotherSecret() {
		String timestamp = timestamp(NOW);
		assertThat(this.verifier.verify(timestamp, sign("another-secret", timestamp, BODY), BODY)).isFalse();
	}

	@Test
	void refusesSignatureOfAnotherTimestamp() {
		String signature = sign(SECRET, timestamp(NOW.minusSeconds(1)), BODY);
		assertThat(this.verifier.verify(timestamp(NOW), signature, BODY)).isFalse();
	}

	@Test
	void acceptsRequestJustInsideTheWindowAndRefusesOneJustOutside() {
		Instant inside = NOW.minus(SlackRequestVerifier.WINDOW).plusSeconds(1);
		Instant outside = NOW.minus(SlackRequestVerifier.WINDOW).minusSeconds(1);
		assertThat(this.verifier.verify(timestamp(inside), sign(SECRET, timestamp(inside), BODY), BODY)).isTrue();
		assertThat(this.verifier.verify(timestamp(outside), sign(SECRET, timestamp(outside), BODY), BODY)).isFalse();
	}

	@Test
	void refusesStaleRequestEvenWhenSignedWithTheSecret() {
		Instant stale = NOW.minus(Duration.ofMinutes(6));
		assertThat(this.verifier.verify(timestamp(stale), sign(SECRET, timestamp(stale), BODY), BODY)).isFalse();
	}

	@Test
	void refusesTimestampFarInTheFuture() {
		Instant future = NOW.plus(Duration.ofMinutes(6));
		Instant nearFuture = NOW.plus(Duration.ofMinutes(4));
		assertThat(this.verifier.verify(timestamp(future), sign(SECRET, timestamp(future), BODY), BODY)).isFalse();
		assertThat(this.verifier.verify(timestamp(nearFuture), sign(SECRET, timestamp(nearFuture), BODY), BODY))
			.isTrue();
	}

	@Test
	void refusesMissingOrMalformedHeaders() {
		String timestamp = timestamp(NOW);
		String signature = sign(SECRET, timestamp, BODY);
		assertThat(this.verifier.verify(null, signature, BODY)).isFalse();
		assertThat(this.verifier.verify(timestamp, null, BODY)).isFalse();
		assertThat(this.verifier.verify("12e3", signature, BODY)).isFalse();
		assertThat(this.verifier.verify(timestamp, "v0=", BODY)).isFalse();
	}

	static String timestamp(Instant at) {
		return Long.toString(at.getEpochSecond());
	}

	static String sign(String secret, String timestamp, byte[] body) {
		return new SlackSignature.Generator(secret).generate(timestamp, new String(body, StandardCharsets.UTF_8));
	}

}
