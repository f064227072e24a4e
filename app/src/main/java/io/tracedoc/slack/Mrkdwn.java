package io.tracedoc.slack;

import java.util.Locale;

/**
 * Text as Slack's mrkdwn shows it: log lines, captures and names reach Slack only through
 * here, so {@code <!channel>} in a log stays text and pings no one, and a cut never
 * splits an escape or a surrogate pair.
 */
final class Mrkdwn {

	private static final String FENCE = "```";

	private Mrkdwn() {
	}

	/**
	 * @param text any text, or {@code null}
	 * @return the text with Slack's three control characters escaped
	 */
	static String escape(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * @param text any text
	 * @return the text escaped, with no run of three backticks that would close a code
	 * block early
	 */
	static String code(String text) {
		return escape(text).replace(FENCE, "`\u200b`\u200b`");
	}

	/**
	 * @param body escaped lines
	 * @return a code block
	 */
	static String fenced(String body) {
		return FENCE + "\n" + body + "\n" + FENCE;
	}

	/**
	 * @param url an address
	 * @param label the text shown, unescaped
	 * @return a link, or the escaped label alone when the address is no plain http(s) URL
	 * that a link could carry safely
	 */
	static String link(String url, String label) {
		if (url == null || !safeUrl(url)) {
			return escape(label);
		}
		return "<" + url + "|" + escape(label).replace("|", "\u2223") + ">";
	}

	/**
	 * @param url an address
	 * @return {@code true} for an http(s) address with nothing that ends a Slack link
	 */
	static boolean safeUrl(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return (lower.startsWith("https://") || lower.startsWith("http://")) && url.chars()
			.noneMatch((c) -> c == '<' || c == '>' || c == '|' || c == '&' || Character.isWhitespace(c) || c < 0x20);
	}

	/**
	 * @param escaped escaped text
	 * @param max the most characters
	 * @return the text cut to {@code max} characters, never inside an escape or a
	 * surrogate pair
	 */
	static String cut(String escaped, int max) {
		if (escaped.length() <= max) {
			return escaped;
		}
		int end = Math.max(0, max);
		int amp = escaped.lastIndexOf('&', end - 1);
		if (amp >= 0 && end - amp < 5) {
			int semicolon = escaped.indexOf(';', amp);
			if (semicolon >= end) {
				end = amp;
			}
		}
		if (end > 0 && Character.isHighSurrogate(escaped.charAt(end - 1))) {
			end--;
		}
		return escaped.substring(0, end);
	}

	/**
	 * @param plain plain text
	 * @param max the most characters
	 * @return the text cut to {@code max} characters with an ellipsis when cut
	 */
	static String plain(String plain, int max) {
		String text = (plain != null) ? plain.strip() : "";
		if (text.length() <= max) {
			return text;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "\u2026";
	}

}
