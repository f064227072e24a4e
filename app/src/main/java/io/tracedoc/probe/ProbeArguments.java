package io.tracedoc.probe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A check's arguments as rendered from the log. A value the log did not give renders as
 * {@code <name>} (or holds such a placeholder, like
 * {@code system:serviceaccount:<runner manager namespace>:...}); such values count as
 * absent, so a probe says which one it misses instead of asking the cluster for
 * {@code <pod>}.
 *
 * @param values the arguments that have a value
 */
record ProbeArguments(Map<String, String> values) {

	private static final Pattern UNFILLED = Pattern.compile("<[^<>]*>");

	ProbeArguments {
		values = Map.copyOf(values);
	}

	/**
	 * @param rendered the arguments as rendered from the finding's captures
	 * @return the arguments that have a value
	 */
	static ProbeArguments of(Map<String, String> rendered) {
		Map<String, String> values = new LinkedHashMap<>();
		rendered.forEach((name, value) -> {
			if (value != null && !value.isBlank() && !unfilled(value)) {
				values.put(name, value.strip());
			}
		});
		return new ProbeArguments(values);
	}

	/**
	 * @param value a rendered template
	 * @return {@code true} when a placeholder in it found no value
	 */
	static boolean unfilled(String value) {
		return UNFILLED.matcher(value).find();
	}

	/**
	 * @param name the argument
	 * @param what how to name it to a user ({@code the build pod})
	 * @return its value
	 * @throws NotCheckable when the log did not give it
	 */
	String required(String name, String what) {
		String value = this.values.get(name);
		if (value == null) {
			throw new NotCheckable("the log does not name " + what);
		}
		return value;
	}

	/**
	 * @param name the argument
	 * @return its value, when the log gave it
	 */
	Optional<String> optional(String name) {
		return Optional.ofNullable(this.values.get(name));
	}

}
