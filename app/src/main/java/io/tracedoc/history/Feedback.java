package io.tracedoc.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonValue;
import io.tracedoc.pattern.Category;

/**
 * What a person said about a diagnosis: right or wrong, and when wrong, which category it
 * should have had. The latest word on a diagnosis replaces the earlier one.
 *
 * @param diagnosis the diagnosis' id
 * @param verdict right or wrong
 * @param correctCategory the category it should have had, or {@code null}
 * @param note free text, or {@code null}
 * @param at when it was said
 */
public record Feedback(String diagnosis, Verdict verdict, Category correctCategory, String note, Instant at) {

	/** Longest note kept. */
	public static final int MAX_NOTE = 2000;

	public Feedback {
		if (note != null && note.length() > MAX_NOTE) {
			note = note.substring(0, MAX_NOTE);
		}
	}

	/** Whether the diagnosis named the right cause. */
	public enum Verdict {

		/** The diagnosis named the cause. */
		RIGHT("right"),

		/** The diagnosis named the wrong cause, or none where there was one. */
		WRONG("wrong");

		private final String id;

		Verdict(String id) {
			this.id = id;
		}

		/**
		 * @return {@code right} or {@code wrong}
		 */
		@JsonValue
		public String id() {
			return this.id;
		}

	}

}
