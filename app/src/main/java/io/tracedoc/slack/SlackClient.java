package io.tracedoc.slack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.ActionResponseSender;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.webhook.WebhookResponse;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What tracedoc sends to Slack, through Slack's SDK: answers to a {@code response_url},
 * messages and their updates with the bot token, and attached log files downloaded with
 * it. The token comes from the configuration only.
 */
class SlackClient {

	private final Slack slack;

	private final String token;

	private final ActionResponseSender responses;

	/**
	 * @param slack the SDK, pointed at Slack's Web API
	 * @param token the bot token
	 */
	SlackClient(Slack slack, String token) {
		this.slack = slack;
		this.token = token;
		this.responses = new ActionResponseSender(slack);
	}

	/**
	 * Answers through the {@code response_url} of a slash command or a button.
	 * @param responseUrl the address Slack gave with the request
	 * @param message the answer
	 * @param replaceOriginal {@code true} to replace the message whose button was pressed
	 * @param inChannel {@code true} to show the answer to the channel, else to the user
	 * only
	 * @throws IOException when Slack refuses it or cannot be reached
	 */
	void respond(String responseUrl, SlackMessages.Message message, boolean replaceOriginal, boolean inChannel)
			throws IOException {
		ActionResponse response = ActionResponse.builder()
			.responseType(inChannel ? "in_channel" : "ephemeral")
			.replaceOriginal(replaceOriginal)
			.text(message.text())
			.blocks(message.blocks())
			.build();
		WebhookResponse sent = this.responses.send(responseUrl, response);
		if (sent.getCode() == null || sent.getCode() / 100 != 2) {
			throw new IOException("Slack answered " + sent.getCode() + " to the response_url");
		}
	}

	/**
	 * @param channel the channel id
	 * @param threadTs the thread to reply in, or {@code null} for a new message
	 * @param message the message
	 * @return the new message's timestamp, its id in the channel
	 * @throws IOException when Slack refuses it or cannot be reached
	 */
	String post(String channel, String threadTs, SlackMessages.Message message) throws IOException {
		try {
			ChatPostMessageResponse response = this.slack.methods(this.token)
				.chatPostMessage((request) -> request.channel(channel)
					.threadTs(threadTs)
					.text(message.text())
					.blocks(message.blocks())
					.unfurlLinks(false)
					.unfurlMedia(false));
			if (!response.isOk()) {
				throw new IOException("chat.postMessage failed: " + response.getError());
			}
			return response.getTs();
		}
		catch (SlackApiException ex) {
			throw new IOException("chat.postMessage failed with HTTP " + ex.getResponse().code(), ex);
		}
	}

	/**
	 * @param channel the channel id
	 * @param ts the message's timestamp
	 * @param message its new content
	 * @throws IOException when Slack refuses it or cannot be reached
	 */
	void update(String channel, String ts, SlackMessages.Message message) throws IOException {
		try {
			ChatUpdateResponse response = this.slack.methods(this.token)
				.chatUpdate((request) -> request.channel(channel).ts(ts).text(message.text()).blocks(message.blocks()));
			if (!response.isOk()) {
				throw new IOException("chat.update failed: " + response.getError());
			}
		}
		catch (SlackApiException ex) {
			throw new IOException("chat.update failed with HTTP " + ex.getResponse().code(), ex);
		}
	}

	/**
	 * @param url a file's private download address
	 * @return the file's content, to be closed by the caller
	 * @throws IOException when Slack does not give the file
	 */
	InputStream download(String url) throws IOException {
		Response response = this.slack.getHttpClient().get(url, Map.of(), this.token);
		ResponseBody body = response.body();
		if (!response.isSuccessful() || body == null) {
			response.close();
			throw new IOException("Slack answered " + response.code() + " for the file");
		}
		return body.byteStream();
	}

}
