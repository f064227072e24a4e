package io.tracedoc.trace;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What kind of copy of a job log this is, decided once from its first 64 KiB, as GitLab
 * decides once per log whether it is timestamped.
 *
 * @param format the overall shape
 * @param escapesStripped {@code [0K} and {@code [36;1m} are escapes that lost their ESC
 * byte
 * @param lineNumbers lines start with the line number the web UI showed
 * @param clockTimes line numbers are followed by the {@code HH:MM:SS} the web UI shows
 * for timestamped logs
 * @param quoted lines start with a markdown {@code > } quote
 * @param inferSections the log has no section markers: sections come from recognised
 * stage headers
 * @param indent how many leading blanks every line shares: a copy pasted into an indented
 * block (a markdown list, an e-mail) moved the whole log right
 */
record LogShape(TraceFormat format, boolean escapesStripped, boolean lineNumbers, boolean clockTimes, boolean quoted,
		boolean inferSections, int indent) {

	static final int SAMPLE_BYTES = 64 * 1024;

	private static final Pattern MARKER = Pattern.compile("section_(?:start|end):\\d+:[a-zA-Z0-9_.-]");

	private static final Pattern REMNANT = Pattern
		.compile("(?:#033|\\^\\[)\\[[0-9;]*[A-Za-z]|\\[0K|\\[0;m|\\[0m|\\[[0-9]{1,2}(?:;[0-9]{1,2})?m");

	/**
	 * A line number alone or before the text; the rich-text copy's {@code [12](…#L12)}
	 * link may be glued to the text.
	 */
	private static final Pattern NUMBERED = Pattern.compile("\\s*(?:\\d+(?:[ \\t].*)?|\\[\\d+\\]\\([^)]*\\).*)");

	private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*\\d+[ \\t]+");

	private static final Pattern NUMBERED_WITH_TIME = Pattern
		.compile("\\s*\\d+[ \\t]+\\d{2}:\\d{2}:\\d{2}(?:[ \\t].*)?");

	/**
	 * @param sample the first bytes of the log (at most {@link #SAMPLE_BYTES})
	 * @param length how many bytes of {@code sample} are valid
	 * @return the shape
	 */
	static LogShape of(byte[] sample, int length) {
		String text = new String(sample, 0, length, StandardCharsets.UTF_8);
		String[] lines = text.split("\n", -1);
		if (length == SAMPLE_BYTES && lines.length > 1) {
			// the last line of a full sample is cut; it could look like anything
			lines[lines.length - 1] = "";
		}
		boolean quoted = mostLinesStartWithQuote(lines);
		int indent = sharedIndent(lines, quoted);
		int nonEmpty = 0;
		int numbered = 0;
		int numberedWithTime = 0;
		int markerLines = 0;
		int remnants = 0;
		int headers = 0;
		int badges = 0;
		boolean timestamped = false;
		boolean firstSeen = false;
		for (String raw : lines) {
			String line = dedent(quoted ? unquote(raw) : raw, indent);
			String trimmed = stripLineEnd(line);
			if (trimmed.isBlank()) {
				continue;
			}
			if (!firstSeen) {
				firstSeen = true;
				byte[] bytes = trimmed.getBytes(StandardCharsets.UTF_8);
				timestamped = LogLineReader.Header.parse(bytes, bytes.length) != null;
			}
			nonEmpty++;
			if (NUMBERED.matcher(trimmed).matches()) {
				numbered++;
				if (NUMBERED_WITH_TIME.matcher(trimmed).matches()) {
					numberedWithTime++;
				}
			}
			if (MARKER.matcher(trimmed).find()) {
				markerLines++;
			}
			if (REMNANT.matcher(trimmed).find()) {
				remnants++;
			}
			String withoutNumber = LEADING_NUMBER.matcher(trimmed).replaceFirst("");
			if (KnownStages.header(withoutNumber) != null) {
				headers++;
			}
			if (KnownStages.badge(trimmed) != null) {
				badges++;
			}
		}
		boolean escapes = text.indexOf('\u001B') >= 0;
		TraceFormat format;
		if (timestamped) {
			format = TraceFormat.RAW_TIMESTAMPED;
		}
		else if (escapes) {
			format = TraceFormat.RAW;
		}
		else if (remnants > 0 || markerLines > 0) {
			format = TraceFormat.ESCAPES_STRIPPED;
		}
		else if (headers > 0 || badges > 0 || (nonEmpty >= 2 && numbered * 2 >= nonEmpty)) {
			format = TraceFormat.WEB_UI_COPY;
		}
		else {
			format = TraceFormat.PLAIN_TEXT;
		}
		boolean copy = format == TraceFormat.WEB_UI_COPY;
		boolean lineNumbers = copy && nonEmpty >= 2 && numbered * 2 >= nonEmpty;
		boolean clockTimes = lineNumbers && numberedWithTime * 2 >= numbered;
		boolean inferSections = copy || format == TraceFormat.PLAIN_TEXT
				|| (format == TraceFormat.ESCAPES_STRIPPED && markerLines == 0);
		return new LogShape(format, format == TraceFormat.ESCAPES_STRIPPED && !escapes, lineNumbers, clockTimes, quoted,
				inferSections, (format == TraceFormat.RAW || timestamped) ? 0 : indent);
	}

	/**
	 * The blanks every non-blank line starts with; 0 when a single line is not indented,
	 * so a log whose own lines are indented keeps them.
	 */
	private static int sharedIndent(String[] lines, boolean quoted) {
		int shared = Integer.MAX_VALUE;
		for (String raw : lines) {
			String line = quoted ? unquote(raw) : raw;
			if (line.isBlank()) {
				continue;
			}
			shared = Math.min(shared, leadingBlanks(line, shared));
			if (shared == 0) {
				return 0;
			}
		}
		return (shared == Integer.MAX_VALUE) ? 0 : shared;
	}

	/**
	 * @param line a line
	 * @param indent the blanks every line of the log shares
	 * @return the line without them
	 */
	static String dedent(String line, int indent) {
		int blanks = leadingBlanks(line, indent);
		return (blanks == 0) ? line : line.substring(blanks);
	}

	/**
	 * @return how many spaces and tabs the line starts with, counting at most {@code max}
	 */
	private static int leadingBlanks(String line, int max) {
		int blanks = 0;
		while (blanks < max && blanks < line.length() && (line.charAt(blanks) == ' ' || line.charAt(blanks) == '\t')) {
			blanks++;
		}
		return blanks;
	}

	private static boolean mostLinesStartWithQuote(String[] lines) {
		int nonEmpty = 0;
		int quoted = 0;
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			nonEmpty++;
			if (line.startsWith(">")) {
				quoted++;
			}
		}
		return nonEmpty > 0 && quoted * 5 >= nonEmpty * 4;
	}

	/**
	 * Removes a markdown quote prefix: {@code >} and the space after it.
	 * @param line a line of a quoted log
	 * @return the line without the prefix
	 */
	static String unquote(String line) {
		if (!line.startsWith(">")) {
			return line;
		}
		return line.startsWith("> ") ? line.substring(2) : line.substring(1);
	}

	private static String stripLineEnd(String line) {
		int end = line.length();
		while (end > 0 && line.charAt(end - 1) == '\r') {
			end--;
		}
		return line.substring(0, end);
	}

}
