package io.tracedoc.slack;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.slack.api.app_backend.SlackSignature;

/**
 * Tells requests Slack signed from everything else, with Slack's SDK: the signature is an
 * HMAC of the timestamp and the exact body bytes with the signing secret, and a timestamp
 * more than five minutes away from now is refused, so a recorded request cannot be
 * replayed.
 */
final class SlackRequestVerifier {

	/** How far a request's timestamp may be from now. */
	static final Duration WINDOW = Duration.ofMinutes(5);

	private final SlackSignature.Verifier verifier;

	private final Clock clock;

	/**
	 * @param signingSecret the app's signing secret
	 * @param clock what "now" is
	 */
	SlackRequestVerifier(String signingSecret, Clock clock) {
		this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
		this.clock = clock;
	}

	/**
	 * @param timestamp the {@code X-Slack-Request-Timestamp} header, or {@code null}
	 * @param signature the {@code X-Slack-Signature} header, or {@code null}
	 * @param body the request's body as received
	 * @return {@code true} when Slack signed this body within the last five minutes
	 */
	boolean verify(String timestamp, String signature, byte[] body) {
		if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		long now = this.clock.millis();
		// the SDK refuses old timestamps; one from the future is refused here as well
		if (Long.parseLong(timestamp) * 1000 - now > WINDOW.toMillis()) {
			return false;
		}
		return this.verifier.isValid(timestamp, new String(body, StandardCharsets.UTF_8), signature, now);
	}

}
