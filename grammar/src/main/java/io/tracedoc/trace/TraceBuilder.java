package io.tracedoc.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Turns the lexer's tokens, one logical line at a time, into lines, sections and facts,
 * following the rules of GitLab's own converter
 * ({@code lib/gitlab/ci/ansi2json/converter.rb}): a section marker ends the line
 * collected so far, SGR sequences set the style, other control sequences vanish, a bare
 * carriage return clears the line, and a line without text is no line at all.
 */
final class TraceBuilder {

	private static final Pattern FINAL_STATUS = Pattern
		.compile("(?:ERROR: )?(?:Job|Build) (?:(succeeded)|failed( \\(system failure\\))?:\\s?(.*))\\s*");

	/**
	 * {@code exit code 137}, {@code exit code: 137}, {@code exit status 1}, and the
	 * Kubernetes executor's old
	 * {@code non-zero exit code: Error executing in Docker Container: 1}.
	 */
	private static final Pattern EXIT_CODE = Pattern
		.compile("(?:exit (?:code:? |status )|exit code: Error executing in Docker Container: )(-?\\d{1,9})");

	private static final Pattern LOG_LIMIT = Pattern.compile("Job's log exceeded limit of (\\d{1,18}) bytes\\..*");

	private static final Pattern NEW_MESSAGE = Pattern
		.compile("(?:Running with |ERROR: |WARNING: |FATAL: |\\$ |section_|Job succeeded|Job failed).*");

	private static final Pattern MARKER = Pattern
		.compile("section_(?:start|end):(\\d+):([a-zA-Z0-9_.-]+)(?:\\[([^\\]\\r\\n]*)\\])?[\\s\\S]*");

	private static final Pattern LINK_TEXT = Pattern.compile("\\[([^\\]]*)\\]\\(");

	/**
	 * The job page's note above a log it shows only the end of, copied with the lines:
	 * {@code Showing last 500 KiB of log - Complete Raw} (older pages) or
	 * {@code Showing last 500 KiB of log. View raw} (job log top bar component).
	 */
	private static final Pattern SHOWING_LAST = Pattern
		.compile("Showing last [\\d.,]+ ?(?:[KMGT]i?B|B|bytes) of log\\b.{0,80}");

	private static final int MAX_WRAPPED_CONTINUATIONS = 30;

	/**
	 * How far a glued number may jump past the previous line's and still be taken for the
	 * line number (a collapsed section hides a few lines).
	 */
	private static final int MAX_GLUED_GAP = 50;

	/**
	 * The runner's final line run together with the text before it by a copy that lost
	 * the line break ({@code ...file based variablesJob succeeded}); never in a command
	 * echo, which only quotes it.
	 */
	private static final String GLUED_FAILURE = "ERROR: Job failed";

	/** Runners before 10.x: {@code ERROR: Build failed: exit code 1}. */
	private static final String GLUED_BUILD_FAILURE = "ERROR: Build failed";

	private static final String GLUED_SUCCESS = "Job succeeded";

	private static final int MAX_COMMAND_LENGTH = 4_000;

	private final LogShape shape;

	private final TraceListener listener;

	private final JobLogLexer lexer;

	private final boolean raw;

	private final RunnerFacts facts = new RunnerFacts();

	private final List<SectionState> sections = new ArrayList<>();

	private final List<SectionState> open = new ArrayList<>();

	/** Index into {@link #open} of the outermost open section that has no line yet. */
	private int firstOpenWithoutLine;

	private SectionState awaitingTitle;

	private SectionState awaitingBadge;

	private final List<CommandEcho> commands = new ArrayList<>();

	private final StringBuilder text = new StringBuilder();

	private final List<MutableRun> runs = new ArrayList<>();

	private TextStyle style = TextStyle.DEFAULT;

	private LogLineReader.RawLine current;

	private int lastNumber;

	private int lineCount;

	private boolean startsMidway;

	private boolean showsTail;

	/** A copy that starts late printed lines before the first stage header it shows. */
	private boolean linesBeforeFirstSection;

	private FinalStatus finalStatus;

	private Outcome statusOutcome = Outcome.UNKNOWN;

	private int sectionsBeforeFinal;

	private StringBuilder wrappedError;

	/** The wrapped error ends at the line that resets the runner's error colour. */
	private boolean joinUntilStyleReset;

	private int wrappedContinuations;

	private Truncation truncation;

	private int truncationSection = -1;

	private long replacedCharacters;

	private boolean alwaysLex;

	TraceBuilder(LogShape shape, TraceListener listener) {
		this.shape = shape;
		this.listener = listener;
		this.lexer = new JobLogLexer(CharStreams.fromString(""));
		this.lexer.setInterpreter(new JobLogLexerSimulator(this.lexer));
		this.lexer.removeErrorListeners();
		this.lexer.setEscapesStripped(shape.escapesStripped());
		this.raw = shape.format() == TraceFormat.RAW || shape.format() == TraceFormat.RAW_TIMESTAMPED;
	}

	/**
	 * Makes every line go through the lexer, even lines without any character that could
	 * start a structural token; tests use it to show that the shortcut changes nothing,
	 * benchmarks to measure what it saves.
	 */
	void alwaysLex() {
		this.alwaysLex = true;
	}

	void line(LogLineReader.RawLine line) {
		this.current = line;
		String input = LogShape.dedent(this.shape.quoted() ? LogShape.unquote(line.text()) : line.text(),
				this.shape.indent());
		if (!this.alwaysLex && !needsLexer(input)) {
			append(input);
		}
		else {
			lex(input);
		}
		finishLine();
	}

	private void lex(String input) {
		this.lexer.setInputStream(CharStreams.fromString(input));
		for (Token token = this.lexer.nextToken(); token.getType() != Token.EOF; token = this.lexer.nextToken()) {
			switch (token.getType()) {
				case JobLogLexer.TEXT, JobLogLexer.TEXT_CHAR -> append(token.getText());
				case JobLogLexer.SGR -> applyStyle(token.getText(), 2);
				case JobLogLexer.VISIBLE_ESCAPE -> applyStyle(token.getText(), token.getText().indexOf('[') + 1);
				case JobLogLexer.STRIPPED_ESCAPE -> applyStyle(token.getText(), 1);
				case JobLogLexer.CARRIAGE_RETURN, JobLogLexer.VISIBLE_CARRIAGE_RETURN -> clearLine();
				case JobLogLexer.LINE_ANCHOR_LINK -> append(linkText(token.getText()));
				case JobLogLexer.SECTION_START, JobLogLexer.SECTION_START_AT_EOL -> {
					finishLine();
					openSection(token.getText());
				}
				case JobLogLexer.SECTION_END, JobLogLexer.SECTION_END_AT_EOL -> {
					finishLine();
					closeSection(token.getText());
				}
				default -> {
					// other control sequences, OSC and invisible controls: GitLab drops
					// them
				}
			}
		}
	}

	/**
	 * Whether a line holds any character that can begin a token other than text. Most
	 * lines hold none, and for those the lexer would return the line as text, so it is
	 * skipped.
	 */
	private boolean needsLexer(String line) {
		for (int i = 0, length = line.length(); i < length; i++) {
			char c = line.charAt(i);
			if (c < 0x20) {
				if (c != '\t') {
					return true;
				}
			}
			else if (c == 0x7F || (c == 's' && line.startsWith("section_", i))
					|| (c == '#' && line.startsWith("#033[", i))
					|| (c == '^' && (line.startsWith("^[", i) || line.startsWith("^M", i)))
					|| (c == '[' && (this.shape.escapesStripped() || line.indexOf("](", i) > 0))) {
				return true;
			}
		}
		return false;
	}

	private void append(String piece) {
		if (piece.isEmpty()) {
			return;
		}
		int from = this.text.length();
		this.text.append(piece);
		if (this.style.isDefault()) {
			return;
		}
		MutableRun last = this.runs.isEmpty() ? null : this.runs.get(this.runs.size() - 1);
		if (last != null && last.style == this.style && last.to == from) {
			last.to = this.text.length();
		}
		else {
			this.runs.add(new MutableRun(from, this.text.length(), this.style));
		}
	}

	private void applyStyle(String sequence, int parametersFrom) {
		char last = sequence.charAt(sequence.length() - 1);
		if (last == 'm') {
			this.style = this.style.apply(sequence.substring(parametersFrom, sequence.length() - 1));
		}
	}

	private void clearLine() {
		this.text.setLength(0);
		this.runs.clear();
	}

	private static String linkText(String link) {
		Matcher matcher = LINK_TEXT.matcher(link);
		return matcher.lookingAt() ? matcher.group(1) : link;
	}

	private void finishLine() {
		if (this.text.isEmpty()) {
			return;
		}
		String content = this.text.toString();
		List<StyledRun> styled = styledRuns();
		clearLine();
		if (this.lineCount == 0 && !this.raw && SHOWING_LAST.matcher(content).matches()) {
			// not a line of the log (it would shift the copied line numbers), and a sign
			// that the log's start is missing
			this.showsTail = true;
			return;
		}
		int givenNumber = -1;
		if (this.shape.lineNumbers() && styled.isEmpty()) {
			int digits = leadingNumberLength(content);
			if (digits == 0) {
				digits = gluedNumberLength(content);
			}
			if (digits > 0) {
				givenNumber = parseNumber(content, digits);
				content = stripSeparator(content, digits);
				if (this.shape.clockTimes()) {
					content = stripClockTime(content);
				}
			}
			if (content.isEmpty()) {
				return;
			}
		}
		if (this.shape.inferSections()) {
			content = inferStage(content);
			if (content == null) {
				return;
			}
		}
		emit(content, styled, givenNumber);
	}

	/**
	 * Opens and closes sections at recognised stage headers of a copy without markers.
	 * @return the text of the line (a header without its duration badge), or {@code null}
	 * when the line was only a duration badge and is no line of the log
	 */
	private String inferStage(String content) {
		SectionState badgeFor = this.awaitingBadge;
		this.awaitingBadge = null;
		if (badgeFor != null) {
			Long badge = KnownStages.badge(content);
			if (badge != null) {
				badgeFor.durationSeconds = badge;
				return null;
			}
		}
		KnownStages.Header header = KnownStages.header(content);
		if (header != null) {
			closeInferred();
			SectionState section = push(header.name(), null, false, false, true);
			section.title = header.title();
			section.durationSeconds = header.durationSeconds();
			if (header.durationSeconds() == null) {
				this.awaitingBadge = section;
			}
			return header.title();
		}
		if (finalStatus(content) != null) {
			closeInferred();
		}
		return content;
	}

	private void closeInferred() {
		for (int i = this.open.size() - 1; i >= 0; i--) {
			if (this.open.get(i).inferred) {
				popTo(i, null, false);
				return;
			}
		}
	}

	private void emit(String content, List<StyledRun> styled, int givenNumber) {
		int number = (givenNumber > this.lastNumber) ? givenNumber : this.lastNumber + 1;
		this.lastNumber = number;
		this.lineCount++;
		for (int i = this.firstOpenWithoutLine; i < this.open.size(); i++) {
			this.open.get(i).firstLine = number;
		}
		this.firstOpenWithoutLine = this.open.size();
		if (this.awaitingTitle != null) {
			this.awaitingTitle.title = content;
			this.awaitingTitle = null;
		}
		int section = this.open.isEmpty() ? -1 : this.open.get(this.open.size() - 1).id;
		TraceLine line = new TraceLine(number, content, section, this.current.stream(), this.current.timestamp(),
				styled);
		countReplacements(content);
		boolean header = this.facts.observe(content);
		if (this.lineCount == 1) {
			this.startsMidway = !header;
		}
		this.linesBeforeFirstSection |= this.sections.isEmpty() && !header;
		recordStatus(line);
		this.listener.onLine(line);
		recordCommand(line);
	}

	private void recordCommand(TraceLine line) {
		String content = line.text();
		if (!content.startsWith("$ ") || content.length() > MAX_COMMAND_LENGTH) {
			return;
		}
		if (this.raw && !echoStyle(line)) {
			return;
		}
		CommandEcho command = new CommandEcho(line.number(), content.substring(2), line.section());
		this.commands.add(command);
		this.listener.onCommand(command);
	}

	/**
	 * The runner echoes commands in bold green ({@code shells/bash.go}, {@code Noticef}).
	 */
	private static boolean echoStyle(TraceLine line) {
		if (line.runs().isEmpty()) {
			return false;
		}
		StyledRun first = line.runs().get(0);
		return first.from() == 0 && first.style().foreground() == 2 && first.style().bold();
	}

	private void recordStatus(TraceLine line) {
		String content = line.text();
		if (this.wrappedError != null) {
			if (this.wrappedContinuations < MAX_WRAPPED_CONTINUATIONS && !NEW_MESSAGE.matcher(content).matches()) {
				this.wrappedError.append(this.wrappedError.isEmpty() ? "" : " ").append(content.strip());
				this.wrappedContinuations++;
				if (this.joinUntilStyleReset && this.style.isDefault()) {
					closeWrappedError();
				}
				return;
			}
			closeWrappedError();
		}
		if (this.open.isEmpty() || this.shape.inferSections()) {
			Matcher matcher = finalStatus(content);
			if (matcher != null) {
				boolean succeeded = matcher.group(1) != null;
				String error = succeeded ? "" : matcher.group(3).strip();
				this.finalStatus = new FinalStatus(line.number(), content, error, matcher.group(2) != null, null);
				this.statusOutcome = succeeded ? Outcome.SUCCEEDED
						: error.startsWith("canceled") ? Outcome.CANCELED : Outcome.FAILED;
				this.sectionsBeforeFinal = this.sections.size();
				// a copy wrapped the error after a colon; or the runner's red error goes
				// on over more
				// lines (a multi-line error message) until its reset sequence
				boolean styleOpen = this.raw && !this.style.isDefault();
				if (!succeeded && (error.isEmpty() || error.endsWith(":") || styleOpen)) {
					this.wrappedError = new StringBuilder(error);
					this.wrappedContinuations = 0;
					this.joinUntilStyleReset = styleOpen;
				}
				return;
			}
		}
		if (content.startsWith("Job's log exceeded limit of ")) {
			Matcher matcher = LOG_LIMIT.matcher(content);
			if (matcher.matches()) {
				this.truncation = new Truncation(line.number(), Long.parseLong(matcher.group(1)));
				TraceSection stage = stageOf(line.section());
				this.truncationSection = (stage != null) ? stage.id() : -1;
			}
		}
	}

	/**
	 * @return a matcher positioned on the runner's final status line, or {@code null} for
	 * any other line
	 */
	private static Matcher finalStatus(String content) {
		if (content.length() > 100_000) {
			return null;
		}
		int from = (content.startsWith("Job ") || content.startsWith("ERROR: Job ") || content.startsWith("Build ")
				|| content.startsWith("ERROR: Build ")) ? 0 : gluedStatusStart(content);
		if (from < 0) {
			return null;
		}
		Matcher matcher = FINAL_STATUS.matcher(content).region(from, content.length());
		return matcher.matches() ? matcher : null;
	}

	/**
	 * @return where the runner's final line begins when a copy ran it together with the
	 * text before it, or -1
	 */
	private static int gluedStatusStart(String content) {
		if (content.startsWith("$ ")) {
			return -1;
		}
		if (content.endsWith(GLUED_SUCCESS)) {
			// only glued to the text before it: "Deploy Job succeeded" is the job's own
			// output
			int glued = content.length() - GLUED_SUCCESS.length();
			return (glued > 0 && !Character.isWhitespace(content.charAt(glued - 1))) ? glued : -1;
		}
		int glued = Math.max(content.lastIndexOf(GLUED_FAILURE), content.lastIndexOf(GLUED_BUILD_FAILURE));
		return (glued > 0) ? glued : -1;
	}

	private void closeWrappedError() {
		FinalStatus status = this.finalStatus;
		this.finalStatus = new FinalStatus(status.line(), status.text(), this.wrappedError.toString(),
				status.systemFailure(), null);
		this.wrappedError = null;
	}

	private TraceSection stageOf(int id) {
		if (id < 0) {
			return null;
		}
		SectionState section = this.sections.get(id);
		while (section.parent >= 0) {
			section = this.sections.get(section.parent);
		}
		return section.snapshot();
	}

	private void countReplacements(String content) {
		if (content.indexOf('\uFFFD') < 0) {
			return;
		}
		for (int i = 0; i < content.length(); i++) {
			if (content.charAt(i) == '\uFFFD') {
				this.replacedCharacters++;
			}
		}
	}

	private List<StyledRun> styledRuns() {
		if (this.runs.isEmpty()) {
			return List.of();
		}
		List<StyledRun> styled = new ArrayList<>(this.runs.size());
		for (MutableRun run : this.runs) {
			styled.add(new StyledRun(run.from, run.to, run.style));
		}
		return styled;
	}

	private void openSection(String marker) {
		Matcher matcher = MARKER.matcher(marker);
		if (!matcher.matches()) {
			return;
		}
		String options = (matcher.group(3) != null) ? matcher.group(3) : "";
		SectionState section = push(matcher.group(2), epoch(matcher.group(1)), option(options, "collapsed"),
				option(options, "hide_duration"), false);
		this.awaitingTitle = section;
	}

	private SectionState push(String name, Instant start, boolean collapsed, boolean hideDuration, boolean inferred) {
		SectionState parent = this.open.isEmpty() ? null : this.open.get(this.open.size() - 1);
		SectionState section = new SectionState(this.sections.size(), name, (parent != null) ? parent.id : -1,
				this.open.size(), start, collapsed, hideDuration, inferred);
		this.sections.add(section);
		this.open.add(section);
		this.listener.onSectionStart(section.snapshot());
		return section;
	}

	private void closeSection(String marker) {
		Matcher matcher = MARKER.matcher(marker);
		if (!matcher.matches()) {
			return;
		}
		String name = matcher.group(2);
		for (int i = this.open.size() - 1; i >= 0; i--) {
			if (this.open.get(i).name.equals(name)) {
				popTo(i, epoch(matcher.group(1)), false);
				return;
			}
		}
		// GitLab ignores a section_end for a section that is not open
	}

	/**
	 * Closes the open section at {@code index} and every section opened inside it; those
	 * inner ones never saw their own end.
	 */
	private void popTo(int index, Instant end, boolean unclosed) {
		while (this.open.size() > index) {
			SectionState section = this.open.remove(this.open.size() - 1);
			boolean target = this.open.size() == index;
			section.close(target ? end : null, unclosed || !target, this.lastNumber);
			if (this.awaitingTitle == section) {
				this.awaitingTitle = null;
			}
			if (this.awaitingBadge == section && !target) {
				this.awaitingBadge = null;
			}
			this.listener.onSectionEnd(section.snapshot());
		}
		this.firstOpenWithoutLine = Math.min(this.firstOpenWithoutLine, this.open.size());
	}

	private static boolean option(String options, String key) {
		for (String option : options.split(",")) {
			String[] pair = option.strip().split("=", 2);
			if (pair.length == 2 && pair[0].equals(key) && pair[1].equals("true")) {
				return true;
			}
		}
		return false;
	}

	private static Instant epoch(String digits) {
		if (digits.length() > 12) {
			return null;
		}
		return Instant.ofEpochSecond(Long.parseLong(digits));
	}

	TraceSummary finish(long bytes, int clippedLines) {
		finishLine();
		if (this.wrappedError != null) {
			closeWrappedError();
		}
		if (!this.open.isEmpty()) {
			popTo(0, null, true);
		}
		// a copy's last inferred stage ends with the log; only markers can leave a
		// section unclosed
		List<TraceSection> snapshots = new ArrayList<>(this.sections.size());
		for (SectionState section : this.sections) {
			snapshots.add(section.snapshot());
		}
		FinalStatus status = withExitCode(this.finalStatus);
		Outcome outcome = outcome(status);
		return new TraceSummary(this.shape.format(), this.facts.info(), snapshots, this.commands, outcome, status,
				failingSection(outcome), this.truncation, this.lineCount == 0 || this.startsMidway || this.showsTail,
				status == null && this.truncation == null, bytes, this.lineCount, clippedLines,
				this.replacedCharacters);
	}

	private static FinalStatus withExitCode(FinalStatus status) {
		if (status == null) {
			return null;
		}
		Matcher matcher = EXIT_CODE.matcher(status.error());
		Integer exitCode = matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
		return new FinalStatus(status.line(), status.text(), status.error(), status.systemFailure(), exitCode);
	}

	private Outcome outcome(FinalStatus status) {
		if (status != null) {
			return this.statusOutcome;
		}
		return (this.truncation != null) ? Outcome.TRUNCATED : Outcome.UNKNOWN;
	}

	/**
	 * The stage the job failed in: the last top-level section opened before the final
	 * status line, passing over the stages the runner still runs after a failure
	 * (cleanup, after_script, uploads on failure). When only those are left, the job can
	 * have failed in after_script and in none of the others, unless the copy starts late
	 * with lines before its first header: then it failed where those lines were printed,
	 * in a stage the copy does not name, and the failing stage is unknown.
	 */
	private int failingSection(Outcome outcome) {
		if (outcome == Outcome.TRUNCATED) {
			return this.truncationSection;
		}
		if (outcome != Outcome.FAILED && outcome != Outcome.CANCELED) {
			return -1;
		}
		int afterScript = -1;
		for (int i = this.sectionsBeforeFinal - 1; i >= 0; i--) {
			SectionState section = this.sections.get(i);
			if (section.parent >= 0) {
				continue;
			}
			if (!KnownStages.EPILOGUE.contains(section.name)) {
				return section.id;
			}
			if (afterScript < 0 && section.name.equals(KnownStages.AFTER_SCRIPT)) {
				afterScript = section.id;
			}
		}
		return (this.startsMidway && this.linesBeforeFirstSection) ? -1 : afterScript;
	}

	private static int leadingNumberLength(String content) {
		int i = 0;
		while (i < content.length() && (content.charAt(i) == ' ' || content.charAt(i) == '\t')) {
			i++;
		}
		int digitsFrom = i;
		while (i < content.length() && i - digitsFrom < 9 && Character.isDigit(content.charAt(i))
				&& content.charAt(i) < 128) {
			i++;
		}
		if (i == digitsFrom || (i < content.length() && content.charAt(i) != ' ' && content.charAt(i) != '\t')) {
			return 0;
		}
		return i;
	}

	/**
	 * A line number glued to its text ({@code 1016ERROR: ...}, or the text of a rich-text
	 * copy's {@code [12](…#L12)} link): taken only when it continues the numbering, so a
	 * line that starts with a number of its own keeps it.
	 */
	private int gluedNumberLength(String content) {
		int digits = 0;
		while (digits < content.length() && digits < 9 && content.charAt(digits) >= '0'
				&& content.charAt(digits) <= '9') {
			digits++;
		}
		if (digits == 0 || digits == content.length() || Character.isDigit(content.charAt(digits))) {
			return 0;
		}
		int number = Integer.parseInt(content.substring(0, digits));
		boolean continues = (this.lastNumber == 0) ? number > 0
				: number > this.lastNumber && number <= this.lastNumber + MAX_GLUED_GAP;
		return continues ? digits : 0;
	}

	private static int parseNumber(String content, int end) {
		return Integer.parseInt(content.substring(0, end).strip());
	}

	private static String stripSeparator(String content, int from) {
		int i = from;
		while (i < content.length() && (content.charAt(i) == ' ' || content.charAt(i) == '\t')) {
			i++;
		}
		return content.substring(i);
	}

	private static String stripClockTime(String content) {
		if (content.length() >= 8 && Character.isDigit(content.charAt(0)) && Character.isDigit(content.charAt(1))
				&& content.charAt(2) == ':' && Character.isDigit(content.charAt(3))
				&& Character.isDigit(content.charAt(4)) && content.charAt(5) == ':'
				&& Character.isDigit(content.charAt(6)) && Character.isDigit(content.charAt(7))
				&& (content.length() == 8 || content.charAt(8) == ' ' || content.charAt(8) == '\t')) {
			return stripSeparator(content, 8);
		}
		return content;
	}

	private static final class MutableRun {

		final int from;

		int to;

		final TextStyle style;

		MutableRun(int from, int to, TextStyle style) {
			this.from = from;
			this.to = to;
			this.style = style;
		}

	}

	private static final class SectionState {

		final int id;

		final String name;

		final int parent;

		final int depth;

		final Instant start;

		final boolean collapsed;

		final boolean hideDuration;

		final boolean inferred;

		String title;

		Instant end;

		Long durationSeconds;

		int firstLine = -1;

		int lastLine = -1;

		boolean unclosed;

		SectionState(int id, String name, int parent, int depth, Instant start, boolean collapsed, boolean hideDuration,
				boolean inferred) {
			this.id = id;
			this.name = name;
			this.parent = parent;
			this.depth = depth;
			this.start = start;
			this.collapsed = collapsed;
			this.hideDuration = hideDuration;
			this.inferred = inferred;
		}

		void close(Instant end, boolean unclosed, int lastNumber) {
			this.end = end;
			this.unclosed = unclosed && !this.inferred;
			this.lastLine = (this.firstLine >= 0) ? lastNumber : -1;
			if (this.start != null && end != null) {
				this.durationSeconds = Math.max(0, end.getEpochSecond() - this.start.getEpochSecond());
			}
		}

		TraceSection snapshot() {
			return new TraceSection(this.id, this.name, this.title, this.parent, this.depth, this.start, this.end,
					this.durationSeconds, this.collapsed, this.hideDuration, this.firstLine, this.lastLine,
					this.unclosed, this.inferred);
		}

	}

}
