package io.tracedoc.pattern;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text with {@code {{name}}} placeholders, filled from a finding's captures and the
 * runner facts. A placeholder may list alternatives, tried in order:
 * {@code {{namespace|runner.namespace|"default"}}} (a quoted alternative is literal
 * text). When none has a value the placeholder renders as {@code <name>}, so the reader
 * sees what to fill in.
 */
public final class Template {

	private final String source;

	private final List<Object> parts;

	private Template(String source, List<Object> parts) {
		this.source = source;
		this.parts = parts;
	}

	/**
	 * @param source the template text
	 * @return the parsed template
	 * @throws IllegalArgumentException when a placeholder is not closed or is empty
	 */
	public static Template parse(String source) {
		List<Object> parts = new ArrayList<>();
		int position = 0;
		while (position < source.length()) {
			int open = source.indexOf("{{", position);
			if (open < 0) {
				parts.add(source.substring(position));
				break;
			}
			int close = source.indexOf("}}", open + 2);
			if (close < 0) {
				throw new IllegalArgumentException("placeholder at offset " + open + " has no closing }}");
			}
			if (open > position) {
				parts.add(source.substring(position, open));
			}
			parts.add(Placeholder.parse(source.substring(open + 2, close).strip()));
			position = close + 2;
		}
		return new Template(source, List.copyOf(parts));
	}

	/**
	 * @return every variable a placeholder names, literal alternatives left out
	 */
	public Set<String> variables() {
		Set<String> variables = new LinkedHashSet<>();
		for (Object part : this.parts) {
			if (part instanceof Placeholder placeholder) {
				variables.addAll(placeholder.variables());
			}
		}
		return variables;
	}

	/**
	 * @param values variable values; a missing value counts as absent, an empty one is
	 * used
	 * @return the filled-in text
	 */
	public String render(Map<String, String> values) {
		StringBuilder out = new StringBuilder(this.source.length() + 32);
		for (Object part : this.parts) {
			if (part instanceof Placeholder placeholder) {
				out.append(placeholder.render(values));
			}
			else {
				out.append((String) part);
			}
		}
		return out.toString();
	}

	/**
	 * @return the template as written
	 */
	public String source() {
		return this.source;
	}

	@Override
	public String toString() {
		return this.source;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Template template && template.source.equals(this.source);
	}

	@Override
	public int hashCode() {
		return this.source.hashCode();
	}

	private record Placeholder(List<String> alternatives) {

		static Placeholder parse(String body) {
			if (body.isEmpty()) {
				throw new IllegalArgumentException("empty placeholder {{}}");
			}
			List<String> alternatives = new ArrayList<>();
			for (String alternative : body.split("\\|")) {
				String trimmed = alternative.strip();
				if (trimmed.isEmpty()) {
					throw new IllegalArgumentException("empty alternative in {{" + body + "}}");
				}
				alternatives.add(trimmed);
			}
			return new Placeholder(List.copyOf(alternatives));
		}

		List<String> variables() {
			return this.alternatives.stream().filter((alternative) -> !literal(alternative)).toList();
		}

		String render(Map<String, String> values) {
			for (String alternative : this.alternatives) {
				if (literal(alternative)) {
					return alternative.substring(1, alternative.length() - 1);
				}
				String value = values.get(alternative);
				if (value != null) {
					return value;
				}
			}
			return "<" + this.alternatives.get(0) + ">";
		}

		private static boolean literal(String alternative) {
			return alternative.length() >= 2 && alternative.startsWith("\"") && alternative.endsWith("\"");
		}

	}

}
