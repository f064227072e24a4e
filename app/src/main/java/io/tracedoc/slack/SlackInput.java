package io.tracedoc.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?)]+$");

	/** A message this short that holds one link is a question about it, not a log. */
	private static final int MAX_QUESTION_LINES = 3;

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
		SlackInput reference = reference(plain);
		if (reference != null) {
			return reference;
		}
		// a question around one link ("@tracedoc why did <job URL> fail?") is about that
		// link
		if (plain.lines().count() <= MAX_QUESTION_LINES) {
			// only links: a bare word of twelve letters may be an ordinary word
			List<SlackInput> references = Arrays.stream(plain.split("\\s+"))
				.map((word) -> TRAILING_PUNCTUATION.matcher(word).replaceAll(""))
				.filter((word) -> word.regionMatches(true, 0, "http", 0, 4))
				.map(SlackInput::reference)
				.filter(Objects::nonNull)
				.distinct()
				.toList();
			if (references.size() == 1) {
				return references.get(0);
			}
		}
		return new SlackInput(Kind.LOG, FENCE.matcher(plain).replaceAll(""));
	}

	/**
	 * @return a job URL, a diagnosis id or a permalink, or {@code null} when the word is
	 * none of them
	 */
	private static SlackInput reference(String word) {
		if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
			return null;
		}
		if (DiagnosisIds.plausible(word)) {
			return new SlackInput(Kind.DIAGNOSIS, word);
		}
		String permalinkId = permalinkId(word);
		if (permalinkId != null) {
			return new SlackInput(Kind.DIAGNOSIS, permalinkId);
		}
		String lower = word.toLowerCase(Locale.ROOT);
		if ((lower.startsWith("https://") || lower.startsWith("http://")) && word.contains("/-/jobs/")) {
			return new SlackInput(Kind.JOB_URL, word);
		}
		return null;
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
