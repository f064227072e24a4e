package io.tracedoc.gitlab;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.Evidence;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.RenderedFix;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.gitlab.PipelineNote.NotedJob;
import io.tracedoc.system.PublicAddress;

/**
 * Renders tracedoc's note on a pipeline: short Markdown a developer reads on the merge
 * request or commit. Per failed job: the category and summary, the evidence lines, the
 * first fix, the probe badges and the permalink. Everything shown comes from the stored,
 * redacted diagnosis; text from the log is escaped or fenced, so it can neither format
 * the note nor mention anyone, and every part is bounded so a huge log gives a short
 * note.
 */
final class NoteRenderer {

	/** Evidence lines shown per job. */
	static final int MAX_EVIDENCE_LINES = 5;

	/**
	 * Characters shown of one log line (runner errors are long; the cause is often at the
	 * end).
	 */
	static final int MAX_LINE_CHARS = 600;

	/** Lines shown of the fix. */
	static final int MAX_FIX_LINES = 30;

	/** Jobs shown in full; later ones are listed by link only. */
	static final int MAX_JOBS_IN_FULL = 10;

	private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("[\\\\`*_{}\\[\\]()#!|<>~@&$%]");

	private static final Pattern BACKTICKS = Pattern.compile("`+");

	private final PublicAddress address;

	/**
	 * @param address tracedoc's address for the permalinks, which a note must have
	 */
	NoteRenderer(PublicAddress address) {
		if (address.publicUrl() == null) {
			throw new IllegalStateException("tracedoc.public-url: set tracedoc's own address "
					+ "(https://tracedoc.example.com) so the notes on GitLab can link to each diagnosis");
		}
		this.address = address;
	}

	/**
	 * @param note the pipeline's note, listing its failed jobs
	 * @param diagnoses finds a stored diagnosis by id
	 * @return the note's Markdown
	 */
	String render(PipelineNote note, Function<String, Optional<StoredDiagnosis>> diagnoses) {
		StringBuilder md = new StringBuilder();
		md.append(note.marker()).append('\n');
		int failed = note.jobs().size();
		md.append("#### tracedoc: ")
			.append((failed == 1) ? "why a job" : "why " + failed + " jobs")
			.append(" of pipeline #")
			.append(note.pipelineId())
			.append(" failed\n");
		for (int i = 0; i < failed; i++) {
			NotedJob job = note.jobs().get(i);
			Optional<StoredDiagnosis> stored = diagnoses.apply(job.diagnosisId());
			md.append('\n');
			if (i < MAX_JOBS_IN_FULL && stored.isPresent()) {
				job(md, job, stored.get().diagnosis());
			}
			else {
				md.append("- ").append(jobLink(job)).append(": ").append(permalink(job.diagnosisId())).append('\n');
			}
		}
		md.append("\n<sub>tracedoc edits this note as more jobs of the pipeline fail.</sub>\n");
		return md.toString();
	}

	private void job(StringBuilder md, NotedJob job, Diagnosis diagnosis) {
		md.append("---\n\n");
		md.append("**").append(jobLink(job)).append("**: **").append(diagnosis.category().id()).append("**");
		if (diagnosis.summary() != null && !diagnosis.summary().isBlank()) {
			md.append(" – ").append(escape(diagnosis.summary()));
		}
		md.append("\n\n");
		Finding top = diagnosis.top();
		List<Evidence> evidence = (top != null && !top.evidence().isEmpty()) ? top.evidence()
				: diagnosis.decisiveLines();
		if (!evidence.isEmpty()) {
			StringBuilder lines = new StringBuilder();
			evidence.stream()
				.limit(MAX_EVIDENCE_LINES)
				.forEach((line) -> lines.append(line.line()).append(": ").append(clip(line.text())).append('\n'));
			fenced(md, "text", lines.toString());
		}
		if (top != null && !top.fix().isEmpty()) {
			RenderedFix fix = top.fix().get(0);
			md.append("**Fix:** ").append(escape(fix.title())).append("\n\n");
			fenced(md, fix.language(), firstLines(fix.content(), MAX_FIX_LINES));
		}
		if (top != null && !top.probes().isEmpty()) {
			md.append("**Probes:** ");
			List<ProbeCheck> probes = top.probes();
			for (int i = 0; i < probes.size(); i++) {
				md.append((i > 0) ? " · " : "").append(badge(probes.get(i)));
			}
			md.append("\n\n");
		}
		md.append("[Full diagnosis](").append(permalinkUrl(job.diagnosisId())).append(")\n");
	}

	private static String badge(ProbeCheck probe) {
		String status = switch (probe.status()) {
			case CONFIRMED -> "✅ confirmed";
			case RULED_OUT -> "❌ ruled out";
			case NOT_CHECKED -> "⚪ not checked";
		};
		return "`" + probe.probe() + "` " + status;
	}

	private String jobLink(NotedJob job) {
		String name = (job.jobName() != null) ? escape(job.jobName()) : "job";
		return (job.jobUrl() != null) ? "[" + name + " (#" + job.jobId() + ")](" + job.jobUrl() + ")"
				: name + " (#" + job.jobId() + ")";
	}

	private String permalink(String diagnosisId) {
		return "[diagnosis](" + permalinkUrl(diagnosisId) + ")";
	}

	private String permalinkUrl(String diagnosisId) {
		return this.address.permalink(diagnosisId).orElseThrow();
	}

	/**
	 * A code block whose fence is longer than any run of backticks in the text, so the
	 * text cannot close it.
	 */
	private static void fenced(StringBuilder md, String language, String text) {
		int longest = 2;
		Matcher runs = BACKTICKS.matcher(text);
		while (runs.find()) {
			longest = Math.max(longest, runs.group().length());
		}
		String fence = "`".repeat(longest + 1);
		md.append(fence).append((language != null) ? language : "").append('\n');
		md.append(text);
		if (!text.endsWith("\n")) {
			md.append('\n');
		}
		md.append(fence).append("\n\n");
	}

	/**
	 * Keeps the text on one line and backslash-escapes what Markdown formats with and
	 * what GitLab turns into references or mentions ({@code # ! ~ % @ &}).
	 */
	static String escape(String text) {
		String oneLine = text.replaceAll("[\\r\\n\\t]+", " ").strip();
		return MARKDOWN_SPECIAL.matcher(clip(oneLine))
			.replaceAll((match) -> "\\\\" + Matcher.quoteReplacement(match.group()));
	}

	private static String clip(String text) {
		return (text.length() <= MAX_LINE_CHARS) ? text : text.substring(0, MAX_LINE_CHARS) + "…";
	}

	private static String firstLines(String text, int max) {
		String[] lines = text.split("\n", -1);
		if (lines.length <= max) {
			return text;
		}
		return String.join("\n", List.of(lines).subList(0, max)) + "\n# … (see the full diagnosis)\n";
	}

}
