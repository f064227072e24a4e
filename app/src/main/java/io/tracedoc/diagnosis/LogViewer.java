package io.tracedoc.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import io.tracedoc.system.WebUiProperties;
import io.tracedoc.trace.StyledRun;
import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceSection;

import org.springframework.stereotype.Component;

/**
 * Cuts a stored log into {@link LogWindow}s for the log viewer: one page at a time from
 * the store, however long the log.
 */
@Component
public class LogViewer {

	/** The most lines one request may ask for. */
	static final int MAX_COUNT = 10_000;

	private final DiagnosisService diagnoses;

	private final int pageLines;

	LogViewer(DiagnosisService diagnoses, WebUiProperties web) {
		this.diagnoses = diagnoses;
		this.pageLines = web.logPageLines();
	}

	/**
	 * @param id a permalink id
	 * @param from the index of the first line wanted, or {@code null} for the start
	 * @param line a line number (as the job page shows it) the window must contain; wins
	 * over {@code from}
	 * @param count how many lines, or {@code null} for a page
	 * @param marked numbers of the lines the diagnosis cites
	 * @return the window, or empty when the id is unknown
	 */
	Optional<LogWindow> window(String id, Integer from, Integer line, Integer count, Set<Integer> marked) {
		int size = (count != null) ? Math.max(1, Math.min(MAX_COUNT, count)) : this.pageLines;
		int start = (from != null) ? Math.max(0, from) : 0;
		if (line != null) {
			OptionalInt index = indexOfLine(id, line);
			start = index.isPresent() ? (index.getAsInt() / size) * size : start;
		}
		Optional<DiagnosisStore.LogPage> page = this.diagnoses.log(id, start, size);
		if (page.isPresent() && page.get().lines().isEmpty() && page.get().totalLines() > 0) {
			page = this.diagnoses.log(id, Math.max(0, page.get().totalLines() - size), size);
		}
		return page.map((found) -> window(found, size, marked));
	}

	/**
	 * @param id a permalink id
	 * @param line a line number as the job page shows it
	 * @param context how many lines to show before and after it
	 * @return the lines around it, or empty when the id or the line is unknown
	 */
	public Optional<DiagnosisStore.LogPage> around(String id, int line, int context) {
		int lines = Math.max(0, Math.min(MAX_COUNT / 2 - 1, context));
		OptionalInt index = indexOfLine(id, line);
		if (index.isEmpty()) {
			return Optional.empty();
		}
		int from = Math.max(0, index.getAsInt() - lines);
		return this.diagnoses.log(id, from, index.getAsInt() - from + lines + 1);
	}

	/**
	 * @param diagnosis a diagnosis
	 * @return the numbers of the lines its findings and decisive lines cite
	 */
	static Set<Integer> citedLines(Diagnosis diagnosis) {
		Set<Integer> lines = new HashSet<>();
		for (Finding finding : diagnosis.findings()) {
			finding.evidence().forEach((evidence) -> lines.add(evidence.line()));
		}
		diagnosis.decisiveLines().forEach((evidence) -> lines.add(evidence.line()));
		return lines;
	}

	/**
	 * Finds the first line whose number is at least {@code number}, by bisection: a log's
	 * numbers grow, but a copied log may skip some.
	 */
	private OptionalInt indexOfLine(String id, int number) {
		Optional<DiagnosisStore.LogPage> first = this.diagnoses.log(id, 0, 1);
		if (first.isEmpty() || first.get().totalLines() == 0) {
			return OptionalInt.empty();
		}
		int low = 0;
		int high = first.get().totalLines() - 1;
		while (low < high) {
			int middle = (low + high) >>> 1;
			List<TraceLine> lines = this.diagnoses.log(id, middle, 1)
				.map(DiagnosisStore.LogPage::lines)
				.orElse(List.of());
			if (lines.isEmpty()) {
				return OptionalInt.empty();
			}
			if (lines.get(0).number() < number) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return OptionalInt.of(low);
	}

	static LogWindow window(DiagnosisStore.LogPage page, int size, Set<Integer> marked) {
		Map<Integer, TraceSection> sections = new HashMap<>();
		for (TraceSection section : page.sections()) {
			sections.put(section.id(), section);
		}
		Map<Integer, List<Integer>> chains = new HashMap<>();
		List<LogWindow.Row> rows = new ArrayList<>(page.lines().size());
		int index = page.fromIndex();
		for (TraceLine line : page.lines()) {
			TraceSection section = sections.get(line.section());
			LogWindow.Header header = (section != null && section.firstLine() == line.number())
					? new LogWindow.Header(section.id(), section.name(),
							section.hideDuration() ? null : Durations.format(section.durationSeconds()),
							section.collapsed())
					: null;
			List<Integer> chain = chains.computeIfAbsent(line.section(), (id) -> chain(id, sections));
			rows.add(new LogWindow.Row(index++, line.number(), chain, header, marked.contains(line.number()),
					spans(line)));
		}
		return new LogWindow(page.fromIndex(), page.totalLines(), size, rows);
	}

	/** The ids of a section and those it is nested in, outermost first. */
	private static List<Integer> chain(int id, Map<Integer, TraceSection> sections) {
		List<Integer> chain = new ArrayList<>();
		TraceSection section = sections.get(id);
		while (section != null && chain.size() <= sections.size()) {
			chain.add(0, section.id());
			section = sections.get(section.parent());
		}
		return List.copyOf(chain);
	}

	/** The line's text cut at its style changes; unstyled stretches get no class. */
	static List<LogWindow.Span> spans(TraceLine line) {
		String text = line.text();
		if (line.runs().isEmpty()) {
			return List.of(new LogWindow.Span(text, ""));
		}
		List<LogWindow.Span> spans = new ArrayList<>();
		int position = 0;
		for (StyledRun run : line.runs()) {
			int from = Math.max(position, Math.min(run.from(), text.length()));
			int to = Math.max(from, Math.min(run.to(), text.length()));
			if (from > position) {
				spans.add(new LogWindow.Span(text.substring(position, from), ""));
			}
			if (to > from) {
				spans.add(new LogWindow.Span(text.substring(from, to), TerminalClasses.of(run.style())));
			}
			position = to;
		}
		if (position < text.length()) {
			spans.add(new LogWindow.Span(text.substring(position), ""));
		}
		return spans;
	}

}
