package io.tracedoc.diagnosis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.re2j.Matcher;
import io.tracedoc.diagnosis.CompiledLibrary.LineTest;
import io.tracedoc.diagnosis.Evidence.ContextLine;
import io.tracedoc.trace.CommandEcho;
import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceListener;
import io.tracedoc.trace.TraceSection;

/**
 * One pass of the library over one log, as the parser streams it: every line is redacted,
 * scanned once by the literal prefilter, and tested by the regexes of its candidates;
 * matches are kept with the lines around them. Nothing else of the log is kept, so memory
 * does not grow with the log.
 */
final class MatchRun implements TraceListener {

	/** Matches kept per test: the first, and this many of the latest. */
	static final int KEPT_HITS = 32;

	static final int CONTEXT_LINES = 3;

	private static final int RECENT_NUMBERS = 256;

	private final CompiledLibrary library;

	private final TraceListener redactedLines;

	private final Redactor redactor = new Redactor();

	private final HitList[] hits;

	private final int[] evaluatedAt;

	private final List<TraceSection> sections = new ArrayList<>();

	private final List<Integer> stageOfSection = new ArrayList<>();

	private final ArrayDeque<ContextLine> recent = new ArrayDeque<>(CONTEXT_LINES + 1);

	private final List<Context> awaitingAfter = new ArrayList<>();

	private final DecisiveLines decisive = new DecisiveLines();

	/** The stage of the last command echo outside the stages that run after a failure. */
	private int lastCommandStage = -1;

	private int firstCommandIndex = -1;

	private final LineScan scan = new LineScan();

	private int lineIndex;

	/**
	 * Numbers of the latest lines, to find the final status line's position after the
	 * pass.
	 */
	private final int[] recentNumbers = new int[RECENT_NUMBERS];

	private TraceLine current;

	private String currentText;

	MatchRun(CompiledLibrary library, TraceListener redactedLines) {
		this.library = library;
		this.redactedLines = redactedLines;
		this.hits = new HitList[library.tests.length];
		this.evaluatedAt = new int[library.tests.length];
	}

	@Override
	public void onSectionStart(TraceSection section) {
		this.sections.add(section);
		this.stageOfSection.add((section.parent() < 0) ? section.id() : this.stageOfSection.get(section.parent()));
		this.redactedLines.onSectionStart(section);
	}

	@Override
	public void onSectionEnd(TraceSection section) {
		this.redactedLines.onSectionEnd(section);
	}

	@Override
	public void onLine(TraceLine line) {
		this.lineIndex++;
		this.recentNumbers[this.lineIndex % RECENT_NUMBERS] = line.number();
		String lower = line.text().toLowerCase(Locale.ROOT);
		this.scan.reset(lower);
		this.library.scan(lower, this.scan);
		String redacted = this.redactor.redact(line.text(), lower, this.scan.redactionRules);
		TraceLine shown = (redacted == line.text()) ? line
				: new TraceLine(line.number(), redacted, line.section(), line.stream(), line.timestamp(), List.of());
		this.current = shown;
		this.currentText = line.text();
		feedAfterContexts(shown);
		for (int i = 0; i < this.scan.candidateCount; i++) {
			evaluate(this.scan.candidates[i]);
		}
		for (int id : this.library.unfiltered) {
			evaluate(id);
		}
		this.decisive.observe(shown, stage(line.section()), this.scan.errorLike);
		remember(shown);
		this.redactedLines.onLine(shown);
	}

	@Override
	public void onCommand(CommandEcho command) {
		int stage = stage(command.section());
		if (stage < 0 || !this.sections.get(stage).epilogue()) {
			// the stages that run after a failure are not where a job without a known
			// failing stage failed
			this.lastCommandStage = stage;
		}
		if (this.firstCommandIndex < 0) {
			this.firstCommandIndex = this.lineIndex;
		}
		this.decisive.command(this.current, stage);
		this.redactedLines.onCommand(command);
	}

	private void evaluate(int id) {
		if (this.evaluatedAt[id] == this.lineIndex) {
			return;
		}
		this.evaluatedAt[id] = this.lineIndex;
		LineTest test = this.library.tests[id];
		Matcher matcher = test.regex().matcher(this.currentText);
		if (!matcher.find()) {
			return;
		}
		Context context = new Context(new ArrayList<>(this.recent));
		this.awaitingAfter.add(context);
		record(id,
				new Hit(this.lineIndex, this.current.number(), this.current.section(), this.current.text(),
						groups(test, matcher), context, false,
						this.current.stream() == null || this.current.stream().runner()));
	}

	/**
	 * Tests the runner's final error line, joined as a whole when a copy wrapped it over
	 * several lines.
	 * @param lineIndex the line's index in the pass
	 * @param number the line's number
	 * @param text the whole final status text
	 */
	void evaluateFinalError(int lineIndex, int number, String text) {
		String redacted = Redactor.redactValue(text);
		for (LineTest test : this.library.tests) {
			if (!test.scope().admitsFinalError()) {
				continue;
			}
			Matcher matcher = test.regex().matcher(text);
			if (matcher.find()) {
				record(test.id(), new Hit(lineIndex, number, -1, redacted, groups(test, matcher),
						new Context(List.of()), true, true));
			}
		}
	}

	private void record(int id, Hit hit) {
		HitList list = this.hits[id];
		if (list == null) {
			list = new HitList();
			this.hits[id] = list;
		}
		list.add(hit);
	}

	private static Map<String, String> groups(LineTest test, Matcher matcher) {
		Map<String, Integer> names = test.regex().namedGroups();
		if (test.role() == LineTest.Role.CAPTURE) {
			String value = matcher.group(1);
			return (value != null) ? Map.of("", value) : Map.of();
		}
		if (names.isEmpty()) {
			return Map.of();
		}
		Map<String, String> groups = new HashMap<>();
		for (Map.Entry<String, Integer> name : names.entrySet()) {
			String value = matcher.group(name.getValue());
			if (value != null) {
				groups.put(name.getKey(), value);
			}
		}
		return groups;
	}

	private void feedAfterContexts(TraceLine line) {
		if (this.awaitingAfter.isEmpty()) {
			return;
		}
		ContextLine context = new ContextLine(line.number(), line.text());
		for (Iterator<Context> it = this.awaitingAfter.iterator(); it.hasNext();) {
			Context waiting = it.next();
			waiting.after.add(context);
			if (waiting.after.size() >= CONTEXT_LINES) {
				it.remove();
			}
		}
	}

	private void remember(TraceLine line) {
		if (this.recent.size() == CONTEXT_LINES) {
			this.recent.removeFirst();
		}
		this.recent.addLast(new ContextLine(line.number(), line.text()));
	}

	int stage(int section) {
		return (section < 0 || section >= this.stageOfSection.size()) ? -1 : this.stageOfSection.get(section);
	}

	/**
	 * @param section a section id
	 * @return the names of the section and every section around it, innermost first
	 */
	List<String> sectionNames(int section) {
		List<String> names = new ArrayList<>(2);
		int id = section;
		int guard = 0;
		while (id >= 0 && id < this.sections.size() && guard++ < 10_000) {
			TraceSection found = this.sections.get(id);
			names.add(found.name());
			id = found.parent();
		}
		return names;
	}

	String sectionName(int section) {
		return (section >= 0 && section < this.sections.size()) ? this.sections.get(section).name() : null;
	}

	boolean hasSections() {
		return !this.sections.isEmpty();
	}

	List<Hit> hits(int test) {
		HitList list = this.hits[test];
		return (list != null) ? list.all() : List.of();
	}

	int lineCount() {
		return this.lineIndex;
	}

	/**
	 * @return the position of the log's first command echo, or -1
	 */
	int firstCommand() {
		return this.firstCommandIndex;
	}

	/**
	 * @param failingStage the stage the job failed in, or -1 when unknown
	 * @return that stage, or where it is unknown the stage of the log's last command echo
	 * outside the stages that run after a failure
	 */
	int commandStage(int failingStage) {
		return (failingStage >= 0) ? failingStage : this.lastCommandStage;
	}

	/**
	 * @param number the number of one of the last lines of the log
	 * @return its position in the pass, or -1 when it is not among the last lines
	 */
	int indexOfRecentNumber(int number) {
		for (int index = this.lineIndex; index > 0 && index > this.lineIndex - RECENT_NUMBERS; index--) {
			if (this.recentNumbers[index % RECENT_NUMBERS] == number) {
				return index;
			}
		}
		return -1;
	}

	int redactions() {
		return this.redactor.redactions();
	}

	DecisiveLines decisive() {
		return this.decisive;
	}

	/**
	 * What the one literal scan of a line found: candidate tests, redaction rules, an
	 * error word.
	 */
	private static final class LineScan implements LiteralScanner.Hit {

		int[] candidates = new int[64];

		int candidateCount;

		final boolean[] redactionRules = new boolean[Redactor.ruleCount()];

		boolean errorLike;

		private String lower;

		void reset(String lowerCaseText) {
			this.lower = lowerCaseText;
			this.candidateCount = 0;
			java.util.Arrays.fill(this.redactionRules, false);
			this.errorLike = false;
		}

		@Override
		public void found(int begin, int end, int[] ids) {
			for (int id : ids) {
				if ((id & CompiledLibrary.REDACTION) != 0) {
					this.redactionRules[id & CompiledLibrary.ID] = true;
				}
				else if ((id & CompiledLibrary.ERROR_WORD) != 0) {
					this.errorLike |= DecisiveLines.counts(this.lower, begin, end, id & CompiledLibrary.ID);
				}
				else {
					if (this.candidateCount == this.candidates.length) {
						this.candidates = java.util.Arrays.copyOf(this.candidates, this.candidateCount * 2);
					}
					this.candidates[this.candidateCount++] = id;
				}
			}
		}

	}

	/**
	 * A line a test matched.
	 *
	 * @param index the line's position in the pass (1-based), for distances
	 * @param number the line number as the job page shows it
	 * @param section the innermost section id, or -1
	 * @param text the redacted text
	 * @param groups the named groups (for a capture test: its one group under the empty
	 * name), raw
	 * @param context the lines around it
	 * @param finalError {@code true} when this is the runner's final error line, joined
	 */
	record Hit(int index, int number, int section, String text, Map<String, String> groups, Context context,
			boolean finalError, boolean runnerLine) {

	}

	/**
	 * Lines around a hit: the ones before are known at once, the ones after arrive later.
	 */
	static final class Context {

		final List<ContextLine> before;

		final List<ContextLine> after = new ArrayList<>(CONTEXT_LINES);

		Context(List<ContextLine> before) {
			this.before = before;
		}

	}

	/** The first hit of a test and its latest ones; a noisy test cannot use up memory. */
	private static final class HitList {

		private Hit first;

		private final ArrayDeque<Hit> latest = new ArrayDeque<>();

		void add(Hit hit) {
			if (this.first == null) {
				this.first = hit;
				return;
			}
			if (this.latest.size() == KEPT_HITS) {
				this.latest.removeFirst();
			}
			this.latest.addLast(hit);
		}

		List<Hit> all() {
			if (this.first == null) {
				return Collections.emptyList();
			}
			List<Hit> all = new ArrayList<>(this.latest.size() + 1);
			all.add(this.first);
			all.addAll(this.latest);
			return all;
		}

	}

}
