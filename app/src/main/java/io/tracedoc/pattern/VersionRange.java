package io.tracedoc.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of GitLab Runner versions such as {@code >=16.2 <19.2}: space-separated
 * comparisons that must all hold. Versions compare by their numeric parts; suffixes such
 * as {@code ~beta.105.gd2263193} are ignored.
 */
public final class VersionRange {

	/** Every version. */
	public static final VersionRange ANY = new VersionRange("", List.of());

	private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<|=)?(\\d+(?:\\.\\d+){0,2})");

	private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

	private final String source;

	private final List<Bound> bounds;

	private VersionRange(String source, List<Bound> bounds) {
		this.source = source;
		this.bounds = bounds;
	}

	/**
	 * @param source e.g. {@code >=16.2 <19.2}
	 * @return the range
	 * @throws IllegalArgumentException when a comparison cannot be read
	 */
	public static VersionRange parse(String source) {
		if (source == null || source.isBlank()) {
			return ANY;
		}
		List<Bound> bounds = new ArrayList<>();
		for (String part : source.strip().split("[\\s,]+")) {
			Matcher matcher = COMPARISON.matcher(part);
			if (!matcher.matches()) {
				throw new IllegalArgumentException("cannot read \"" + part + "\" (write e.g. >=16.2 <19.2)");
			}
			bounds.add(new Bound((matcher.group(1) != null) ? matcher.group(1) : "=", numbers(matcher.group(2))));
		}
		return new VersionRange(source.strip(), List.copyOf(bounds));
	}

	/**
	 * @param version a runner version from the log, or {@code null} when the log does not
	 * say
	 * @return {@code true} when the version is in the range, or unknown
	 */
	public boolean includes(String version) {
		if (this.bounds.isEmpty() || version == null) {
			return true;
		}
		Matcher matcher = VERSION.matcher(version);
		if (!matcher.lookingAt()) {
			return true;
		}
		int[] actual = numbers(matcher.group());
		for (Bound bound : this.bounds) {
			int comparison = compare(actual, bound.version);
			boolean holds = switch (bound.operator) {
				case ">=" -> comparison >= 0;
				case "<=" -> comparison <= 0;
				case ">" -> comparison > 0;
				case "<" -> comparison < 0;
				default -> comparison == 0;
			};
			if (!holds) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return this.source;
	}

	private static int[] numbers(String version) {
		String[] parts = version.split("\\.");
		int[] numbers = new int[3];
		for (int i = 0; i < Math.min(3, parts.length); i++) {
			numbers[i] = Integer.parseInt(parts[i]);
		}
		return numbers;
	}

	private static int compare(int[] left, int[] right) {
		for (int i = 0; i < 3; i++) {
			if (left[i] != right[i]) {
				return Integer.compare(left[i], right[i]);
			}
		}
		return 0;
	}

	private record Bound(String operator, int[] version) {

	}

}
