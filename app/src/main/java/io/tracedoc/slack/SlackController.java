package io.tracedoc.slack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.util.json.GsonFactory;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tracedoc.system.Problems;

/**
 * Slack's three callbacks: slash commands, events (mentions) and interactions (buttons).
 * Each reads the raw body, checks Slack's signature over exactly those bytes and only
 * then parses it; a request that fails the check gets 401 and nothing is done. Answers
 * are acknowledged at once and made by {@link SlackBot} afterwards.
 */
@RestController
@RequestMapping("/slack")
class SlackController {

	/** The largest request read: Slack's own payloads stay far below it. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final Pattern SSL_CHECK = Pattern.compile("(^|&)ssl_check=1(&|$)");

	/** Slack retries an event three times within minutes; far more arrive in between. */
	private static final int REMEMBERED_EVENTS = 10_000;

	private final DeliveredEvents delivered = new DeliveredEvents(REMEMBERED_EVENTS);

	private final ObjectProvider<SlackRequestVerifier> verifier;

	private final ObjectProvider<SlackBot> bot;

	private final Gson gson = GsonFactory.createSnakeCase();

	private final SlashCommandPayloadParser commands = new SlashCommandPayloadParser();

	private final JsonPayloadExtractor forms = new JsonPayloadExtractor();

	SlackController(ObjectProvider<SlackRequestVerifier> verifier, ObjectProvider<SlackBot> bot) {
		this.verifier = verifier;
		this.bot = bot;
	}

	@PostMapping(path = "/commands", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> command(HttpServletRequest request) throws IOException {
		String body = verified(request);
		// Slack checks the certificate of a slash command's URL now and then; it wants a
		// 200
		if (SSL_CHECK.matcher(body).find()) {
			return ResponseEntity.ok().build();
		}
		SlashCommandPayload command = this.commands.parse(body);
		if (command.getResponseUrl() == null) {
			throw malformed();
		}
		String ack = this.bot.getObject().command(command.getText(), command.getResponseUrl());
		return ResponseEntity.ok(Map.of("response_type", "ephemeral", "text", Mrkdwn.escape(ack)));
	}

	@PostMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> event(HttpServletRequest request) throws IOException {
		String body = verified(request);
		JsonObject payload = json(body);
		String type = string(payload, "type");
		if ("url_verification".equals(type)) {
			String challenge = string(payload, "challenge");
			if (challenge == null) {
				throw malformed();
			}
			return ResponseEntity.ok(Map.of("challenge", challenge));
		}
		// Slack retries an event it thinks went unanswered: answer each event once
		if (!this.delivered.firstDelivery(string(payload, "event_id"))) {
			return ResponseEntity.ok().build();
		}
		JsonElement event = payload.get("event");
		if ("event_callback".equals(type) && event != null && event.isJsonObject()
				&& AppMentionEvent.TYPE_NAME.equals(string(event.getAsJsonObject(), "type"))) {
			AppMentionEvent mention = this.gson.fromJson(payload, AppMentionPayload.class).getEvent();
			// never answer a bot, this one included: no loops
			if (mention.getBotId() == null && mention.getChannel() != null && mention.getTs() != null) {
				String thread = (mention.getThreadTs() != null) ? mention.getThreadTs() : mention.getTs();
				this.bot.getObject().mentioned(mention.getChannel(), thread, mention.getText(), mention.getFiles());
			}
		}
		return ResponseEntity.ok().build();
	}

	@PostMapping("/interactions")
	ResponseEntity<Void> interaction(HttpServletRequest request) throws IOException {
		String body = verified(request);
		String json = this.forms.extractIfExists(body);
		if (json == null) {
			throw malformed();
		}
		JsonObject payload = json(json);
		if (BlockActionPayload.TYPE.equals(string(payload, "type"))) {
			BlockActionPayload actions = this.gson.fromJson(payload, BlockActionPayload.class);
			String user = (actions.getUser() != null) ? actions.getUser().getId() : null;
			for (BlockActionPayload.Action action : (actions.getActions() != null) ? actions.getActions()
					: List.<BlockActionPayload.Action>of()) {
				String selected = (action.getSelectedOption() != null) ? action.getSelectedOption().getValue() : null;
				this.bot.getObject()
					.action(String.valueOf(action.getActionId()), action.getValue(), action.getBlockId(), selected,
							user, actions.getResponseUrl());
			}
		}
		return ResponseEntity.ok().build();
	}

	/**
	 * @return the body, once Slack's signature over its bytes is checked
	 */
	private String verified(HttpServletRequest request) throws IOException {
		SlackRequestVerifier verifier = this.verifier.getIfAvailable();
		if (verifier == null) {
			throw Problems.of(HttpStatus.NOT_FOUND, "Slack bot not configured",
					"tracedoc's Slack bot is off: set tracedoc.slack.bot-token and tracedoc.slack.signing-secret "
							+ "to turn it on (README, section Slack).");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			throw Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
					"Slack requests are far smaller than this one; it was not read.");
		}
		if (!verifier.verify(request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
				request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), body)) {
			throw Problems.of(HttpStatus.UNAUTHORIZED, "Slack signature refused",
					"The request is not signed with this app's signing secret, or it is more than five minutes "
							+ "old; nothing was done.");
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	private static JsonObject json(String body) {
		try {
			JsonElement json = JsonParser.parseString(body);
			if (json.isJsonObject()) {
				return json.getAsJsonObject();
			}
		}
		catch (JsonParseException ex) {
			// answered below
		}
		throw malformed();
	}

	private static String string(JsonObject object, String name) {
		JsonElement value = object.get(name);
		return (value != null && value.isJsonPrimitive()) ? value.getAsString() : null;
	}

	private static RuntimeException malformed() {
		return Problems.of(HttpStatus.BAD_REQUEST, "Not a Slack request",
				"The request is signed but is not a payload tracedoc's Slack bot understands.");
	}

}
