package io.tracedoc.pattern;

/**
 * One thing wrong with a pattern file.
 *
 * @param file the file, relative to the library's root
 * @param field the field's path in the file ({@code match.all[0].regex}), empty for the
 * whole file
 * @param message what is wrong and, where it helps, what to write instead
 */
public record PatternProblem(String file, String field, String message) {

	@Override
	public String toString() {
		return "patterns/" + this.file + ": " + (this.field.isEmpty() ? "" : this.field + ": ") + this.message;
	}

}
