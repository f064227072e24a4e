package io.tracedoc.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.composition.OptionObject;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisStore;
import io.tracedoc.diagnosis.Evidence;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.RenderedFix;
import io.tracedoc.diagnosis.RuledOut;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.pattern.Category;
import io.tracedoc.system.PublicAddress;
import io.tracedoc.trace.TraceLine;

/**
 * Renders diagnoses as Block Kit messages within Slack's limits: at most 50 blocks, 3000
 * characters a section, 150 a header. What does not fit is cut, with a link to the
 * permalink. Everything shown comes from the redacted diagnosis and goes through
 * {@link Mrkdwn}.
 */
final class SlackMessages {

	/** Slack's limit of blocks in one message. */
	static final int MAX_BLOCKS = 50;

	/** Slack's limit of characters in a section's text. */
	static final int MAX_SECTION = 3000;

	/** Slack's limit of characters in a header. */
	static final int MAX_HEADER = 150;

	/** Slack's limit of elements in a context block. */
	static final int MAX_CONTEXT_ELEMENTS = 10;

	/** Slack's limit of characters in an option's text. */
	static final int MAX_OPTION = 75;

	/** Slack's limit of characters in a message's fallback text. */
	static final int MAX_TEXT = 3000;

	/** Action ids of the buttons on every answer. */
	static final String REPROBE = "tracedoc-reprobe";

	static final String EVIDENCE = "tracedoc-evidence";

	static final String WRONG = "tracedoc-wrong";

	static final String CATEGORY = "tracedoc-category";

	static final String OPEN = "tracedoc-open";

	/** Fixes shown in a message; the permalink has them all. */
	private static final int MAX_FIXES = 3;

	private static final int MAX_EVIDENCE_LINES = 12;

	private final PublicAddress address;

	SlackMessages(PublicAddress address) {
		this.address = address;
	}

	/**
	 * A message: the text notifications and screen readers show, and the blocks.
	 *
	 * @param text the fallback text, escaped (Slack reads it as mrkdwn too)
	 * @param blocks the blocks
	 */
	record Message(String text, List<LayoutBlock> blocks) {

		Message {
			blocks = List.copyOf(blocks);
		}

	}

	/**
	 * @param stored the stored diagnosis
	 * @param diagnosis what to show: the stored one, or the same after probes ran again
	 * @param note one line above the diagnosis (an incident's count, re-run probes), or
	 * {@code null}
	 * @return the answer with its buttons
	 */
	Message diagnosis(StoredDiagnosis stored, Diagnosis diagnosis, String note) {
		String id = stored.id();
		Finding top = diagnosis.top();
		List<LayoutBlock> blocks = new ArrayList<>();
		String title = diagnosis.category().id() + ": " + diagnosis.title();
		blocks.add(header((h) -> h.text(plainText(Mrkdwn.plain(title, MAX_HEADER)))));
		if (note != null) {
			blocks.add(context(List.of(markdownText(Mrkdwn.cut(Mrkdwn.escape(note), MAX_SECTION)))));
		}
		blocks.add(markdown(summary(stored.context(), diagnosis)));
		blocks.add(context(facts(stored, diagnosis, top)));
		List<Evidence> evidence = (top != null) ? top.evidence() : diagnosis.decisiveLines();
		if (!evidence.isEmpty()) {
			blocks.add(markdown(codeSection("*Evidence*", evidenceLines(evidence), id)));
		}
		List<LayoutBlock> tail = new ArrayList<>();
		if (top != null && !top.probes().isEmpty()) {
			tail.add(context(probeBadges(top.probes())));
		}
		if (!diagnosis.ruledOut().isEmpty()) {
			tail.add(context(List.of(markdownText(ruledOut(diagnosis.ruledOut())))));
		}
		tail.add(actions(buttons(id)));
		if (top != null) {
			List<RenderedFix> fixes = top.fix();
			int room = MAX_BLOCKS - blocks.size() - tail.size();
			int shown = Math.min(Math.min(fixes.size(), MAX_FIXES), Math.max(0, room));
			for (RenderedFix fix : fixes.subList(0, shown)) {
				blocks.add(markdown(codeSection("*Fix: " + Mrkdwn.escape(fix.title()) + "*",
						List.of(Mrkdwn.code(fix.content().stripTrailing())), id)));
			}
			if (shown < fixes.size() && blocks.size() + tail.size() < MAX_BLOCKS) {
				blocks.add(context(List.of(markdownText((fixes.size() - shown) + " more fix"
						+ ((fixes.size() - shown == 1) ? "" : "es") + " on " + permalinkText(id)))));
			}
		}
		blocks.addAll(tail);
		return new Message(fallback(diagnosis), blocks);
	}

	/**
	 * @param stored the stored diagnosis
	 * @param pages the log around each piece of evidence, with the evidence's line number
	 * @return the longer evidence, one section per piece
	 */
	Message evidence(StoredDiagnosis stored, List<EvidenceWindow> pages) {
		List<LayoutBlock> blocks = new ArrayList<>();
		if (pages.isEmpty()) {
			blocks.add(markdown(
					"The diagnosis cites no log lines; the whole log is on " + permalinkText(stored.id()) + "."));
		}
		for (EvidenceWindow window : pages) {
			if (blocks.size() >= MAX_BLOCKS - 1) {
				blocks.add(context(List.of(markdownText("More evidence on " + permalinkText(stored.id())))));
				break;
			}
			List<String> lines = new ArrayList<>();
			for (TraceLine line : window.page().lines()) {
				String marker = (line.number() == window.line()) ? "\u25b6" : " ";
				lines.add(marker + String.format(Locale.ROOT, "%6d", line.number()) + "  " + Mrkdwn.code(line.text()));
			}
			blocks.add(markdown(codeSection("*Around line " + window.line() + "*", lines, stored.id())));
		}
		return new Message("Evidence of diagnosis " + stored.id(), blocks);
	}

	/**
	 * The log around one piece of evidence.
	 *
	 * @param line the evidence's line number
	 * @param page the lines around it
	 */
	record EvidenceWindow(int line, DiagnosisStore.LogPage page) {

	}

	/**
	 * @param id the diagnosis
	 * @return the question that follows "Wrong diagnosis", with the closed taxonomy to
	 * choose from
	 */
	Message askCategory(String id) {
		List<OptionObject> options = new ArrayList<>();
		for (Category category : Category.values()) {
			if (category != Category.JOB_SUCCEEDED) {
				options.add(option(plainText(Mrkdwn.plain(category.id(), MAX_OPTION)), category.id()));
			}
		}
		List<BlockElement> select = List.of(staticSelect(
				(s) -> s.actionId(CATEGORY).placeholder(plainText("Choose the right category")).options(options)));
		return new Message("Recorded as wrong. Which category should it have been?",
				List.of(markdown(
						"Recorded diagnosis " + Mrkdwn.escape(id) + " as wrong. Which category should it have been?"),
						actions("category-" + id, select)));
	}

	/**
	 * @param text a sentence, unescaped
	 * @return a message of one section
	 */
	Message sentence(String text) {
		String escaped = Mrkdwn.cut(Mrkdwn.escape(text), MAX_SECTION);
		return new Message(escaped, List.of(markdown(escaped)));
	}

	/**
	 * @param count failures so far
	 * @param stored the latest failure
	 * @return the reply in an incident's thread for one more failure
	 */
	Message incidentReply(int count, StoredDiagnosis stored) {
		JobContext job = stored.context();
		String text = "Failure " + count + ": " + jobText(job) + onRunner(job) + " \u2014 "
				+ permalinkText(stored.id());
		return new Message("Failure " + count + " with the same cause", List.of(markdown(text)));
	}

	/**
	 * @param count failures so far
	 * @param since when the first one arrived, as text
	 * @param runner the runner or cluster they share, or {@code null}
	 * @return the note on an incident's first message
	 */
	static String incidentNote(int count, String since, String runner) {
		return count + ((count == 1) ? " failure" : " failures") + " with this cause"
				+ ((runner != null) ? " on " + runner : "") + " since " + since
				+ ((count > 1) ? " (see the thread)" : "");
	}

	private String summary(JobContext job, Diagnosis diagnosis) {
		StringBuilder text = new StringBuilder();
		text.append(Mrkdwn.escape(diagnosis.summary()));
		if (job != null && (job.jobUrl() != null || job.projectPath() != null)) {
			text.append("\n").append(jobText(job)).append(onRunner(job));
		}
		return Mrkdwn.cut(text.toString(), MAX_SECTION);
	}

	private List<ContextBlockElement> facts(StoredDiagnosis stored, Diagnosis diagnosis, Finding top) {
		StringBuilder text = new StringBuilder();
		text.append("Outcome: ").append(diagnosis.outcome().name().toLowerCase(Locale.ROOT));
		if (top != null) {
			text.append(" \u00b7 confidence ")
				.append(top.confidence().level().name().toLowerCase(Locale.ROOT))
				.append(" (")
				.append(top.confidence().score())
				.append(")");
		}
		if (diagnosis.redactions() > 0) {
			text.append(" \u00b7 ").append(diagnosis.redactions()).append(" secrets redacted");
		}
		text.append(" \u00b7 ").append(permalinkText(stored.id()));
		return List.of(markdownText(text.toString()));
	}

	private static List<String> evidenceLines(List<Evidence> evidence) {
		List<String> lines = new ArrayList<>();
		for (Evidence piece : evidence.subList(0, Math.min(evidence.size(), MAX_EVIDENCE_LINES))) {
			lines.add(String.format(Locale.ROOT, "%6d", piece.line()) + "  " + Mrkdwn.code(piece.text()));
		}
		return lines;
	}

	private static List<ContextBlockElement> probeBadges(List<ProbeCheck> probes) {
		List<ContextBlockElement> badges = new ArrayList<>();
		for (ProbeCheck probe : probes) {
			if (badges.size() == MAX_CONTEXT_ELEMENTS - 1 && probes.size() > MAX_CONTEXT_ELEMENTS) {
				badges.add(markdownText((probes.size() - badges.size()) + " more probes on the permalink"));
				break;
			}
			String badge = switch (probe.status()) {
				case CONFIRMED -> ":white_check_mark:";
				case RULED_OUT -> ":x:";
				case NOT_CHECKED -> ":grey_question:";
			};
			String reason = (probe.reason() != null) ? ": " + probe.reason() : "";
			badges.add(markdownText(Mrkdwn.cut(
					badge + " *" + Mrkdwn.escape(probe.probe()) + "* "
							+ probe.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + Mrkdwn.escape(reason),
					300)));
		}
		return badges;
	}

	private static String ruledOut(List<RuledOut> ruledOut) {
		StringBuilder text = new StringBuilder("Ruled out: ");
		for (int i = 0; i < ruledOut.size(); i++) {
			text.append((i > 0) ? "; " : "")
				.append(Mrkdwn.escape(ruledOut.get(i).title()))
				.append(" (")
				.append(Mrkdwn.escape(ruledOut.get(i).reason()))
				.append(")");
		}
		return Mrkdwn.cut(text.toString(), 1000);
	}

	private List<BlockElement> buttons(String id) {
		List<BlockElement> buttons = new ArrayList<>();
		buttons.add(button((b) -> b.actionId(REPROBE).text(plainText("Re-run probes")).value(id)));
		buttons.add(button((b) -> b.actionId(EVIDENCE).text(plainText("Show evidence")).value(id)));
		buttons.add(button((b) -> b.actionId(WRONG).text(plainText("Wrong diagnosis")).value(id).style("danger")));
		this.address.permalink(id)
			.ifPresent((permalink) -> buttons
				.add(button((b) -> b.actionId(OPEN).text(plainText("Open in tracedoc")).url(permalink))));
		return buttons;
	}

	/**
	 * A titled code block cut to a section's limit; a cut ends with a link to the
	 * permalink, which has it all.
	 */
	private String codeSection(String title, List<String> escapedLines, String id) {
		String more = "\n_Cut: the rest is on " + permalinkText(id) + "_";
		int room = MAX_SECTION - title.length() - 1 - 8 - more.length();
		StringBuilder body = new StringBuilder();
		boolean cut = false;
		for (String line : escapedLines) {
			int needed = ((body.length() > 0) ? 1 : 0) + line.length();
			if (body.length() + needed > room) {
				if (body.length() == 0) {
					body.append(Mrkdwn.cut(line, room));
				}
				cut = true;
				break;
			}
			body.append((body.length() > 0) ? "\n" : "").append(line);
		}
		return title + "\n" + Mrkdwn.fenced(body.toString()) + (cut ? more : "");
	}

	private String permalinkText(String id) {
		return this.address.permalink(id)
			.map((permalink) -> Mrkdwn.link(permalink, "/d/" + id))
			.orElseGet(() -> "diagnosis " + Mrkdwn.escape(id));
	}

	private static String jobText(JobContext job) {
		String label = (job.projectPath() != null) ? job.projectPath() : "job";
		if (job.jobId() != null) {
			label += " job " + job.jobId();
		}
		else if (job.jobName() != null) {
			label += " " + job.jobName();
		}
		return Mrkdwn.link(job.jobUrl(), label);
	}

	private static String onRunner(JobContext job) {
		String where = (job.runner() != null) ? job.runner() : job.cluster();
		return (where != null) ? " on " + Mrkdwn.escape(where) : "";
	}

	private static String fallback(Diagnosis diagnosis) {
		return Mrkdwn.cut(Mrkdwn.escape(diagnosis.category().id() + ": " + diagnosis.summary()), MAX_TEXT);
	}

	private static LayoutBlock markdown(String escaped) {
		return section((s) -> s.text(markdownText(escaped)));
	}

}
