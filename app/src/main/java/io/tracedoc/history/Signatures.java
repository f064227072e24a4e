package io.tracedoc.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.Evidence;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.pattern.Category;
import io.tracedoc.trace.FinalStatus;

/**
 * What makes two failures the same: log lines with what changes from job to job masked
 * (timestamps, ids and hashes, pod names, addresses, paths, numbers), the failing lines
 * of an unknown failure reduced to such a shape and hashed into a signature, and a known
 * failure's pattern with its key captures.
 */
final class Signatures {

	/** Longest normalised line kept: enough to tell failures apart. */
	static final int MAX_LINE = 300;

	/** Failing lines that make up a shape. */
	static final int MAX_SHAPE_LINES = 6;

	private static final List<Mask> MASKS = List.of(
			new Mask("<time>",
					"\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
							+ "|\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b"),
			new Mask("<hash>", "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
			new Mask("<pod>",
					"\\brunner-[a-z0-9]+-project-\\d+-concurrent-\\d+(?:-[a-z0-9]+)?\\b"
							+ "|\\b[a-z0-9](?:[-a-z0-9]*[a-z0-9])?-[a-z0-9]{8,10}-[a-z0-9]{5}\\b"),
			new Mask("<ip>", "\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b"),
			new Mask("<path>", "(?<![\\w.:/~-])(?:~|\\.{1,2})?/[\\w.@+-]+(?:/[\\w.@+-]*)*"),
			new Mask("<hash>", "\\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,}\\b"), new Mask("<n>", "\\d+"));

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private Signatures() {
	}

	/**
	 * @param line a log line, redacted
	 * @return the line with what changes from job to job masked, spaces collapsed, at
	 * most {@value #MAX_LINE} characters
	 */
	static String normalise(String line) {
		String text = (line.length() > MAX_LINE * 4) ? line.substring(0, MAX_LINE * 4) : line;
		for (Mask mask : MASKS) {
			text = mask.apply(text);
		}
		text = SPACES.matcher(text).replaceAll(" ").strip();
		if (text.length() <= MAX_LINE) {
			return text;
		}
		String cut = text.substring(0, MAX_LINE);
		int open = cut.lastIndexOf('<');
		// never cut a mask in half: its regex would ask for the literal "<pa"
		return (open > cut.lastIndexOf('>')) ? cut.substring(0, open) : cut;
	}

	/**
	 * @param diagnosis a diagnosis
	 * @return its failing lines normalised: the failing command, the first error-like
	 * lines of the failing section, the runner's final error; empty when the log has none
	 */
	static List<String> shape(Diagnosis diagnosis) {
		List<String> shape = new ArrayList<>();
		for (Evidence line : diagnosis.decisiveLines()) {
			if (shape.size() < MAX_SHAPE_LINES - 1) {
				addNormalised(shape, line.text());
			}
		}
		FinalStatus status = (diagnosis.trace() != null) ? diagnosis.trace().finalStatus() : null;
		if (status != null && !status.error().isEmpty()) {
			addNormalised(shape, status.error());
		}
		return shape;
	}

	/**
	 * @param shape a non-empty shape
	 * @return its signature: 16 hex digits of its SHA-256
	 */
	static String signature(List<String> shape) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] hash = digest.digest(String.join("\n", shape).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/**
	 * @param diagnosis a diagnosis
	 * @return the signature of its shape when no pattern explains it, else {@code null}
	 */
	static String unknownSignature(Diagnosis diagnosis) {
		if (diagnosis.category() != Category.UNKNOWN) {
			return null;
		}
		List<String> shape = shape(diagnosis);
		return shape.isEmpty() ? null : signature(shape);
	}

	/**
	 * @param finding the finding that names a diagnosis' category
	 * @return its pattern and its captures, normalised, in name order: two jobs with the
	 * same key failed the same way in the same place (same namespace, service account,
	 * host), whatever pod or time they ran at
	 */
	static String similarKey(Finding finding) {
		StringBuilder key = new StringBuilder(finding.pattern());
		for (Map.Entry<String, String> capture : new TreeMap<>(finding.captures()).entrySet()) {
			key.append('|').append(capture.getKey()).append('=').append(normalise(capture.getValue()));
		}
		return key.toString();
	}

	/**
	 * @param normalised a normalised line
	 * @return an RE2 regex that matches every line normalising to it: its literal text
	 * escaped, each mask a class of what it stands for
	 */
	static String regex(String normalised) {
		StringBuilder regex = new StringBuilder();
		Matcher tokens = Pattern.compile("<(?:time|hash|pod|ip|path|n)>| ").matcher(normalised);
		int at = 0;
		while (tokens.find()) {
			regex.append(escape(normalised.substring(at, tokens.start())));
			regex.append(switch (tokens.group()) {
				case " " -> "\\s+";
				case "<n>" -> "\\d+";
				case "<hash>" -> "[0-9a-fA-F-]+";
				case "<time>" -> "[0-9T:.,Z+ -]+";
				case "<ip>" -> "[0-9.:]+";
				default -> "\\S+";
			});
			at = tokens.end();
		}
		regex.append(escape(normalised.substring(at)));
		return regex.toString();
	}

	private static String escape(String literal) {
		StringBuilder escaped = new StringBuilder(literal.length());
		for (char c : literal.toCharArray()) {
			if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	private static void addNormalised(List<String> shape, String line) {
		String normalised = normalise(line);
		if (!normalised.isEmpty()) {
			shape.add(normalised);
		}
	}

	private record Mask(String token, Pattern pattern) {

		Mask(String token, String regex) {
			this(token, Pattern.compile(regex));
		}

		String apply(String text) {
			return this.pattern.matcher(text).replaceAll(this.token);
		}

	}

}
