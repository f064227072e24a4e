package io.tracedoc.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Replaces secrets in job-log text before it is stored, shown, logged or posted. Job logs
 * carry tokens: clone URLs with passwords, registry logins, kubeconfigs, {@code env}
 * dumps. The runner already masks variables it knows ({@code [MASKED]}, left as is); this
 * catches what it cannot know.
 *
 * <p>
 * Token prefixes stay visible ({@code glpat-[REDACTED]}): the kind of token helps a
 * diagnosis, its value never does. One instance reads one log: it remembers when a
 * private-key block is open across lines. Every regex is RE2, so hostile input cannot
 * make redaction slow.
 */
public final class Redactor {

	/** What a secret is replaced with. */
	public static final String REDACTED = "[REDACTED]";

	private static final List<Rule> RULES = List.of(
			// GitLab tokens: personal/project/group access, runner, CI job, deploy,
			// trigger, feed, SCIM, OAuth ...
			new Rule(List.of("gl"),
					"\\b(gl(?:pat|rt|rtr|cbt|dt|ptt|soat|imt|agent|oas|ft|ffct|wt|sec|csa|sa)-)[0-9A-Za-z_.-]{8,}",
					"$1" + REDACTED),
			// runner registration tokens
			new Rule(List.of("gr1348941"), "\\b(GR1348941)[0-9A-Za-z_-]{8,}", "$1" + REDACTED),
			// passwords in URLs, unless the runner already masked them
			new Rule(List.of("://"), "\\b([a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@'\"]+):(?:\\[MASKED\\]|([^@/\\s'\"]+))@",
					null),
			new Rule(List.of("bearer"), "(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}", "$1" + REDACTED),
			new Rule(List.of("bearer_token"), "(?i)(bearer_token\\s*[=:]\\s*\"?)[^\"\\s]{4,}", "$1" + REDACTED),
			new Rule(List.of("akia", "asia", "agpa", "aida", "aroa", "anpa", "anva", "aipa"),
					"\\b((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA))[A-Z0-9]{16}\\b", "$1" + REDACTED),
			new Rule(List.of("xox"), "\\b(xox[abprs]-)[0-9A-Za-z-]{10,}", "$1" + REDACTED),
			new Rule(List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), "\\b(gh[pousr]_)[0-9A-Za-z]{30,}",
					"$1" + REDACTED),
			// JSON web tokens, Kubernetes service-account tokens among them
			new Rule(List.of("eyj"), "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", REDACTED),
			// docker config.json auths
			new Rule(List.of("\"auth\""), "(\"auth\"\\s*:\\s*\")[A-Za-z0-9+/=]{8,}", "$1" + REDACTED),
			// a private key written on one line (JSON, env)
			new Rule(List.of("private key"),
					"-----BEGIN ([A-Z ]*)PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)",
					"-----BEGIN $1PRIVATE KEY----- " + REDACTED),
			// key=value assignments (env dumps, flags, query strings); a value naming a
			// variable ($X) is no secret
			new Rule(
					List.of("pass", "pwd", "secret", "token", "api_key", "apikey", "api-key", "access_key",
							"access-key", "private_key", "private-key"),
					"(?i)\\b([a-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)[\"']?\\s*=\\s*[\"']?)([^\\s\"'&,;$=][^\\s\"'&,;]{3,})",
					"$1" + REDACTED),
			// key: value at the end of a line (YAML, JSON); prose such as "token: invalid
			// token" is left alone
			new Rule(
					List.of("password", "passwd", "secret", "token", "api_key", "api-key", "apikey", "access_key",
							"access-key", "accesskey", "private_key", "private-key"),
					"(?i)((?:^|[\\s\"'{,])(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)[\"']?\\s*:\\s*[\"']?)([^\\s\"',;]{4,})([\"']?\\s*,?\\s*}?\\s*)$",
					"$1" + REDACTED + "$3"));

	/** Every rule's trigger words, scanned for in one pass. */
	private static final LiteralScanner TRIGGERS = new LiteralScanner(triggerWords());

	private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

	private static final Pattern KEY_END = Pattern.compile("-----END [A-Z ]*PRIVATE KEY-----");

	private boolean insidePrivateKey;

	private int redactions;

	/**
	 * @param text one line of a log
	 * @return the line with every secret replaced; the same instance when there was none
	 */
	public String redact(String text) {
		return redact(text, text.toLowerCase(Locale.ROOT));
	}

	/**
	 * @param text one line of a log
	 * @param lowerCaseText the same line lower-cased, when the caller has it already
	 * @return the line with every secret replaced; the same instance when there was none
	 */
	public String redact(String text, String lowerCaseText) {
		boolean[] triggered = new boolean[RULES.size()];
		TRIGGERS.scan(lowerCaseText, (rule) -> triggered[rule] = true);
		return redact(text, lowerCaseText, triggered);
	}

	/**
	 * Redacts a line whose trigger words the caller already looked for, in its own scan
	 * over {@link #triggerWords()}.
	 * @param text one line of a log
	 * @param lowerCaseText the same line lower-cased
	 * @param triggered for each rule (the ids of {@link #triggerWords()}), whether the
	 * line holds a trigger
	 * @return the line with every secret replaced; the same instance when there was none
	 */
	String redact(String text, String lowerCaseText, boolean[] triggered) {
		if (this.insidePrivateKey) {
			if (KEY_END.matcher(text).find()) {
				this.insidePrivateKey = false;
				this.redactions++;
				return REDACTED + " " + text.substring(text.indexOf("-----END"));
			}
			this.redactions++;
			return REDACTED;
		}
		String result = text;
		for (int i = 0; i < triggered.length; i++) {
			if (triggered[i]) {
				String replaced = RULES.get(i).apply(result);
				if (!replaced.equals(result)) {
					this.redactions++;
					result = replaced;
				}
			}
		}
		if (lowerCaseText.contains("private key-----")) {
			Matcher begin = KEY_BEGIN.matcher(result);
			if (begin.find() && !KEY_END.matcher(result).find(begin.end())) {
				this.insidePrivateKey = true;
			}
		}
		return result;
	}

	/**
	 * @return how many replacements were made so far
	 */
	public int redactions() {
		return this.redactions;
	}

	/**
	 * Redacts a single value that did not come from a line in order (a capture, a
	 * summary).
	 * @param text the value
	 * @return the value with secrets replaced
	 */
	public static String redactValue(String text) {
		return (text != null) ? new Redactor().redact(text) : null;
	}

	/**
	 * @return each trigger word (lower-case) with the ids of the rules it triggers
	 */
	static Map<String, int[]> triggerWords() {
		Map<String, List<Integer>> rules = new TreeMap<>();
		for (int i = 0; i < RULES.size(); i++) {
			for (String trigger : RULES.get(i).triggers) {
				rules.computeIfAbsent(trigger, (key) -> new ArrayList<>()).add(i);
			}
		}
		Map<String, int[]> words = new TreeMap<>();
		rules.forEach((trigger, ids) -> words.put(trigger, ids.stream().mapToInt(Integer::intValue).toArray()));
		return words;
	}

	/**
	 * @return how many rules there are (the ids of {@link #triggerWords()} count from 0)
	 */
	static int ruleCount() {
		return RULES.size();
	}

	private static final class Rule {

		private final List<String> triggers;

		private final Pattern pattern;

		private final String replacement;

		Rule(List<String> triggers, String regex, String replacement) {
			this.triggers = triggers;
			this.pattern = Pattern.compile(regex);
			this.replacement = replacement;
		}

		String apply(String text) {
			if (this.replacement == null && text.indexOf('@') < 0) {
				// credentials in a URL stand before an @; most URLs in a log have none
				return text;
			}
			Matcher matcher = this.pattern.matcher(text);
			if (!matcher.find()) {
				return text;
			}
			if (this.replacement != null) {
				return matcher.replaceAll(this.replacement);
			}
			// URL credentials: keep what the runner masked, replace the rest
			StringBuilder out = new StringBuilder(text.length());
			matcher.reset();
			while (matcher.find()) {
				String replacement = (matcher.group(2) == null) ? matcher.group()
						: matcher.group(1) + ":" + REDACTED + "@";
				matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
			}
			matcher.appendTail(out);
			return out.toString();
		}

	}

}
