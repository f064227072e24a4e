package io.tracedoc.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tracedoc.diagnosis.DiagnosisIds;

/**
 * What someone gave the bot: a GitLab job URL, a diagnosis (its id or its permalink), or
 * a pasted log. Slack sends message text with links wrapped ({@code <url|label>}),
 * mentions as {@code <@U123>} and {@code &}, {@code <}, {@code >} escaped; these are
 * undone first, so a pasted log reaches the engine as it was.
 *
 * @param kind what it is
 * @param value the URL, the id or the log
 */
record SlackInput(Kind kind, String value) {

	private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(?:\\|[^<>]*)?>");

	private static final Pattern LABELLED_LINK = Pattern.compile("<((?:https?|mailto):[^<>|]*)\\|([^<>]*)>");

	private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^<>|]*)>");

	private static final Pattern FENCE = Pattern.compile("^```\\n?|\\n?```$");

	/** What the bot was given. */
	enum Kind {

		/** Nothing: the bot answers with how to use it. */
		NOTHING,

		/** A GitLab job URL. */
		JOB_URL,

		/** A diagnosis id. */
		DIAGNOSIS,

		/** A log. */
		LOG

	}

	/**
	 * @param text a slash command's text or a message's text, as Slack sent it
	 * @return what it is
	 */
	static SlackInput of(String text) {
		String plain = unwrap((text != null) ? text : "").strip();
		if (plain.isEmpty()) {
			return new SlackInput(Kind.NOTHING, "");
		}
		if (plain.chars().noneMatch(Character::isWhitespace)) {
			if (DiagnosisIds.plausible(plain)) {
				return new SlackInput(Kind.DIAGNOSIS, plain);
			}
			String permalinkId = permalinkId(plain);
			if (permalinkId != null) {
				return new SlackInput(Kind.DIAGNOSIS, permalinkId);
			}
			String lower = plain.toLowerCase(Locale.ROOT);
			if ((lower.startsWith("https://") || lower.startsWith("http://")) && plain.contains("/-/jobs/")) {
				return new SlackInput(Kind.JOB_URL, plain);
			}
		}
		return new SlackInput(Kind.LOG, FENCE.matcher(plain).replaceAll(""));
	}

	/** Slack's wrapping undone: mentions dropped, links unwrapped, entities decoded. */
	private static String unwrap(String text) {
		String unwrapped = MENTION.matcher(text).replaceAll("");
		unwrapped = LABELLED_LINK.matcher(unwrapped).replaceAll((match) -> Matcher.quoteReplacement(label(match)));
		unwrapped = LINK.matcher(unwrapped).replaceAll((match) -> Matcher.quoteReplacement(match.group(1)));
		return unwrapped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

	/** A link Slack made of a URL someone typed shows the URL as its label. */
	private static String label(java.util.regex.MatchResult match) {
		String url = match.group(1);
		String label = match.group(2);
		return (url.endsWith(label) || label.isBlank()) ? url : label;
	}

	/**
	 * @return the id of a tracedoc permalink ({@code https://.../d/{id}}), or
	 * {@code null}
	 */
	private static String permalinkId(String text) {
		try {
			URI url = new URI(text);
			String path = url.getPath();
			if (url.getScheme() == null || path == null) {
				return null;
			}
			int at = path.lastIndexOf("/d/");
			if (at < 0) {
				return null;
			}
			String id = path.substring(at + 3);
			return DiagnosisIds.plausible(id) ? id : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
