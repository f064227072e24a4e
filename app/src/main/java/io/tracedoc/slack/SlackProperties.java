package io.tracedoc.slack;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Slack bot. Off until both the bot token and the signing secret are set; one without
 * the other fails the start-up.
 *
 * @param botToken the bot user's OAuth token ({@code xoxb-...}), used for
 * {@code chat.postMessage}, {@code chat.update} and downloading attached log files
 * @param signingSecret the app's signing secret: every request from Slack is verified
 * with it
 * @param notificationChannel the channel id ({@code C0123...}) failed jobs from the
 * GitLab webhook are posted to; none: no notifications
 * @param incidentWindow how long after an incident's last failure another failure with
 * the same cause still joins its thread
 * @param maxIncidents how many open incidents are remembered at most; the oldest are
 * forgotten first
 * @param varyingCaptures captures left out of an incident's key because they differ from
 * job to job (the build pod's name, say)
 * @param apiUrl the base URL of Slack's Web API
 * @param workers threads that diagnose and answer after a request was acknowledged
 * @param queue requests that may wait for a worker; more are answered "busy"
 */
@ConfigurationProperties("tracedoc.slack")
public record SlackProperties(String botToken, String signingSecret, String notificationChannel,
		@DefaultValue("30m") Duration incidentWindow, @DefaultValue("1000") int maxIncidents, @DefaultValue( {
				"pod", "pods", "request_id" }) List<String> varyingCaptures,
		@DefaultValue("https://slack.com/api/") String apiUrl, @DefaultValue("4") int workers,
		@DefaultValue("100") int queue){

	public SlackProperties {
		boolean token = botToken != null && !botToken.isBlank();
		boolean secret = signingSecret != null && !signingSecret.isBlank();
		if (token != secret) {
			throw new IllegalArgumentException(
					"tracedoc.slack.bot-token and tracedoc.slack.signing-secret go together: "
							+ "set both to turn the Slack bot on, or neither");
		}
		if (!token && notificationChannel != null && !notificationChannel.isBlank()) {
			throw new IllegalArgumentException(
					"tracedoc.slack.notification-channel needs tracedoc.slack.bot-token and tracedoc.slack.signing-secret");
		}
		if (incidentWindow.isNegative() || incidentWindow.isZero()) {
			throw new IllegalArgumentException("tracedoc.slack.incident-window must be positive");
		}
		if (maxIncidents < 1 || workers < 1 || queue < 1) {
			throw new IllegalArgumentException("tracedoc.slack.max-incidents, workers and queue must be at least 1");
		}
		if (!apiUrl.endsWith("/")) {
			apiUrl = apiUrl + "/";
		}
		varyingCaptures = List.copyOf(varyingCaptures);
	}

	/**
	 * @return {@code true} when the bot token and the signing secret are set
	 */
	public boolean enabled() {
		return this.botToken != null && !this.botToken.isBlank();
	}

	/**
	 * @return {@code true} when failed jobs from the webhook are posted to a channel
	 */
	public boolean notifies() {
		return enabled() && this.notificationChannel != null && !this.notificationChannel.isBlank();
	}

}
