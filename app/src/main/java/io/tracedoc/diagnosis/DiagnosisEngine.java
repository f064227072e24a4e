package io.tracedoc.diagnosis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.tracedoc.pattern.Category;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.trace.FinalStatus;
import io.tracedoc.trace.Outcome;
import io.tracedoc.trace.TraceListener;
import io.tracedoc.trace.TraceParser;
import io.tracedoc.trace.TraceSection;
import io.tracedoc.trace.TraceSummary;

/**
 * Diagnoses a job log against the pattern library in one streaming pass: parse, redact,
 * prefilter, match; then rank the findings, explain the ranking, and render each fix for
 * this job. Needs no Spring; one instance serves any number of logs at once.
 */
public final class DiagnosisEngine {

	private static final java.util.regex.Pattern STATUS_PREFIX = java.util.regex.Pattern
		.compile(".*?(?:Job|Build) failed(?: \\(system failure\\))?: ?");

	private final CompiledLibrary library;

	/**
	 * @param catalog the pattern library
	 */
	public DiagnosisEngine(PatternCatalog catalog) {
		this.library = new CompiledLibrary(catalog);
	}

	/**
	 * @param log the job log's bytes
	 * @return the diagnosis
	 */
	public Diagnosis diagnose(byte[] log) {
		try {
			return diagnose(new ByteArrayInputStream(log), new TraceListener() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Diagnoses a log and hands its lines, already redacted, to {@code redactedLines} as
	 * they pass, for a caller that keeps or shows the log.
	 * @param log the job log
	 * @param redactedLines receives the lines (redacted), sections and commands
	 * @return the diagnosis
	 * @throws IOException when reading the log fails
	 */
	public Diagnosis diagnose(InputStream log, TraceListener redactedLines) throws IOException {
		long started = System.nanoTime();
		MatchRun run = new MatchRun(this.library, redactedLines);
		TraceSummary summary = TraceParser.stream(log, run);
		int finalIndex = -1;
		FinalStatus status = summary.finalStatus();
		if (status != null) {
			finalIndex = run.indexOfRecentNumber(status.line());
			run.evaluateFinalError(finalIndex, status.line(), joinedText(status));
		}
		FindingAssembler.Result result = new FindingAssembler(this.library, run, summary, finalIndex).assemble();
		List<Evidence> decisive = (summary.outcome() == Outcome.SUCCEEDED) ? List.of()
				: run.decisive().of(summary.failingSection(), run::sectionName);
		long millis = (System.nanoTime() - started) / 1_000_000;
		TraceFacts facts = facts(summary);
		Verdict verdict = Verdict.of(summary.outcome(), result.findings(), facts);
		return new Diagnosis(Diagnosis.SCHEMA_VERSION, null, summary.outcome(), verdict.category(), verdict.title(),
				verdict.summary(), result.findings(), result.ruledOut(), decisive, facts, run.redactions(),
				new Timings(millis, 0, millis));
	}

	/**
	 * @return how many literals the prefilter scans for and how many tests run on every
	 * line
	 */
	public String prefilterStatistics() {
		return this.library.literalCount + " literals for " + this.library.tests.length + " tests; "
				+ this.library.unfiltered.length + " tests without a literal run on every line";
	}

	private static String joinedText(FinalStatus status) {
		String text = status.text();
		if (status.error().isEmpty()) {
			return text;
		}
		if (text.endsWith(status.error())) {
			return text;
		}
		java.util.regex.Matcher prefix = STATUS_PREFIX.matcher(text);
		return prefix.lookingAt() ? prefix.group() + status.error() : text + " " + status.error();
	}

	private static TraceFacts facts(TraceSummary summary) {
		List<TraceSection> stages = new ArrayList<>();
		for (TraceSection section : summary.sections()) {
			if (section.topLevel() && stages.size() < 500) {
				stages.add(section);
			}
		}
		return new TraceFacts(summary.format(), summary.runner(), summary.finalStatus(), summary.failing(), stages,
				summary.sections().size(), summary.truncation(), summary.startsMidway(), summary.endsMidway(),
				summary.bytes(), summary.lineCount());
	}

}
