package io.tracedoc.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tracedoc.pattern.Category;

/**
 * Reads the filters the API and the page accept, refusing what they cannot apply with a
 * sentence that says what would be accepted.
 */
final class HistoryFilters {

	private static final Pattern AGE = Pattern.compile("(\\d{1,5})([mhdw])");

	private HistoryFilters() {
	}

	/**
	 * @param since an ISO-8601 time ({@code 2026-11-02T09:00:00Z}), a day
	 * ({@code 2026-11-02}, UTC), an age ({@code 30m}, {@code 24h}, {@code 7d},
	 * {@code 2w}), or nothing
	 * @param now the time an age counts back from
	 * @return the start of the period, or {@code null} for all of it
	 * @throws InvalidFilterException for anything else
	 */
	static Instant since(String since, Instant now) {
		if (since == null || since.isBlank()) {
			return null;
		}
		Matcher age = AGE.matcher(since.strip());
		if (age.matches()) {
			long amount = Long.parseLong(age.group(1));
			return now.minus(switch (age.group(2)) {
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofDays(7 * amount);
			});
		}
		try {
			return (since.length() == 10) ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(since);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFilterException(
					"since must be a time (2026-11-02T09:00:00Z), a day (2026-11-02) or an age (24h, 7d), was "
							+ since);
		}
	}

	/**
	 * @param id a category id, or nothing
	 * @return the category, or {@code null} for any
	 * @throws InvalidFilterException when the taxonomy has no such category
	 */
	static Category category(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		return Category.fromId(id)
			.orElseThrow(() -> new InvalidFilterException("no category " + id + " in the taxonomy"));
	}

	/**
	 * @param verdict {@code right}, {@code wrong}, or nothing
	 * @return the verdict, or {@code null} for any
	 * @throws InvalidFilterException for anything else
	 */
	static Feedback.Verdict verdict(String verdict) {
		if (verdict == null || verdict.isBlank()) {
			return null;
		}
		for (Feedback.Verdict candidate : Feedback.Verdict.values()) {
			if (candidate.id().equalsIgnoreCase(verdict.strip())) {
				return candidate;
			}
		}
		throw new InvalidFilterException("verdict must be right or wrong, was " + verdict);
	}

	/** A filter that cannot be applied. */
	static final class InvalidFilterException extends RuntimeException {

		InvalidFilterException(String message) {
			super(message);
		}

	}

}
