package io.tracedoc.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tracedoc.diagnosis.CompiledLibrary.LineTest;
import io.tracedoc.diagnosis.MatchRun.Hit;
import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.FailurePattern.Severity;
import io.tracedoc.pattern.FailurePattern.ProbeSpec;
import io.tracedoc.pattern.Scope;
import io.tracedoc.pattern.Template;
import io.tracedoc.trace.Outcome;
import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceSection;
import io.tracedoc.trace.TraceSummary;

/**
 * Turns the matches of one pass into the diagnosis: which patterns hold (all their
 * conditions in scope, within their window, none of their vetoes), which lines prove
 * them, how sure each is and why, which explain the others away, and what the fix looks
 * like for this job.
 */
final class FindingAssembler {

	/**
	 * How many of the last lines of a log without a final status {@code log-end} admits.
	 */
	static final int LOG_END_LINES = 3;

	/** A final line that names no cause: only the exit code of what failed. */
	private static final java.util.regex.Pattern EXIT_CODE_ONLY = java.util.regex.Pattern
		.compile("(?i)(?:command terminated with )?exit (?:code|status) \\d+\\.?");

	private final CompiledLibrary library;

	private final MatchRun run;

	private final TraceSummary summary;

	private final int failingStage;

	private final int finalIndex;

	private final Map<String, String> facts;

	private final boolean finalErrorIsExitCode;

	FindingAssembler(CompiledLibrary library, MatchRun run, TraceSummary summary, int finalIndex) {
		this.library = library;
		this.run = run;
		this.summary = summary;
		this.failingStage = summary.failingSection();
		this.finalIndex = finalIndex;
		this.facts = TemplateValues.facts(summary.runner(), summary.failing(), summary.finalStatus());
		this.finalErrorIsExitCode = summary.finalStatus() != null
				&& EXIT_CODE_ONLY.matcher(summary.finalStatus().error().strip()).matches();
	}

	Result assemble() {
		List<Candidate> matched = new ArrayList<>();
		List<RuledOut> ruledOut = new ArrayList<>();
		for (int p = 0; p < this.library.patterns.size(); p++) {
			FailurePattern pattern = this.library.patterns.get(p);
			if (!pattern.appliesTo().contains(this.summary.outcome())
					|| !pattern.runnerVersions().includes(this.summary.runner().version())) {
				continue;
			}
			Candidate candidate = match(p, pattern);
			if (candidate == null || !pattern.match().where().stream().allMatch((c) -> c.holds(candidate.values))) {
				continue;
			}
			Hit veto = veto(p);
			if (veto != null) {
				ruledOut.add(new RuledOut(pattern.id(), pattern.category(), pattern.name(),
						"the log also says \"" + abbreviate(veto.text()) + "\" (line " + veto.number()
								+ "), which rules this out",
						List.of(evidence(candidate.hits.get(0), "matched"), evidence(veto, "ruled-out-by")),
						List.of()));
				continue;
			}
			matched.add(candidate);
		}
		matched.sort(Comparator.comparing(Candidate::standing, RankingPolicy.Standing.ORDER));
		List<Finding> findings = new ArrayList<>();
		for (Candidate candidate : matched) {
			String reason = supersededBy(candidate, matched);
			if (reason == null) {
				reason = outsideFailure(candidate, matched);
			}
			if (reason != null) {
				ruledOut.add(new RuledOut(candidate.pattern.id(), candidate.pattern.category(),
						candidate.pattern.name(), reason, candidate.evidence, List.of()));
			}
			else {
				findings.add(candidate.finding());
			}
		}
		return new Result(findings, ruledOut);
	}

	/**
	 * Chooses, for each condition, the hit that best explains the failure; {@code null}
	 * when one has none.
	 */
	private Candidate match(int p, FailurePattern pattern) {
		List<List<Hit>> required = new ArrayList<>();
		List<String> waived = new ArrayList<>();
		for (int id : this.library.all[p]) {
			List<Hit> inScope = inScope(id);
			if (inScope.isEmpty()) {
				String absentPart = this.library.tests[id].corroborates() ? absentPart(this.library.tests[id].scope())
						: null;
				if (absentPart == null) {
					return null;
				}
				if (!waived.contains(absentPart)) {
					waived.add(absentPart);
				}
				continue;
			}
			required.add(inScope);
		}
		if (this.library.any[p].length > 0) {
			List<Hit> anyHits = new ArrayList<>();
			for (int id : this.library.any[p]) {
				anyHits.addAll(inScope(id));
			}
			if (anyHits.isEmpty()) {
				return null;
			}
			required.add(anyHits);
		}
		List<Hit> chosen = choose(required, pattern.match().window());
		if (chosen == null) {
			return null;
		}
		return new Candidate(pattern, p, chosen, waived);
	}

	/**
	 * A corroborating condition is waived where the log lacks the part that would carry
	 * it: the final status line for one scoped to the final error; for any other, the
	 * lines a pasted excerpt left out (it starts or ends midway).
	 * @return the missing part, for the reader; {@code null} when the log has it
	 */
	private String absentPart(Scope scope) {
		if (scope.kind() == Scope.Kind.FINAL_ERROR) {
			return (this.summary.finalStatus() == null) ? "the runner's final status line" : null;
		}
		if (this.summary.startsMidway() || this.summary.endsMidway()) {
			return "the lines the excerpt left out";
		}
		return null;
	}

	/**
	 * Picks one hit per list. Without a window each list gives its best hit; with one,
	 * the hits must lie within {@code window} lines of each other, anchored on the best
	 * hit of the shortest list that admits partners in every other list.
	 */
	private List<Hit> choose(List<List<Hit>> lists, int window) {
		if (window <= 0) {
			List<Hit> chosen = new ArrayList<>();
			for (List<Hit> list : lists) {
				chosen.add(best(list));
			}
			return chosen;
		}
		int anchorList = 0;
		for (int i = 1; i < lists.size(); i++) {
			if (lists.get(i).size() < lists.get(anchorList).size()) {
				anchorList = i;
			}
		}
		List<Hit> anchors = new ArrayList<>(lists.get(anchorList));
		anchors.sort(preference());
		for (Hit anchor : anchors) {
			List<Hit> chosen = new ArrayList<>();
			boolean complete = true;
			for (int i = 0; i < lists.size(); i++) {
				Hit partner = (i == anchorList) ? anchor : nearest(lists.get(i), anchor, window);
				if (partner == null) {
					complete = false;
					break;
				}
				chosen.add(partner);
			}
			if (complete) {
				return chosen;
			}
		}
		return null;
	}

	private static Hit nearest(List<Hit> hits, Hit anchor, int window) {
		Hit nearest = null;
		for (Hit hit : hits) {
			int distance = Math.abs(hit.index() - anchor.index());
			if (distance <= window && (nearest == null || distance < Math.abs(nearest.index() - anchor.index()))) {
				nearest = hit;
			}
		}
		return nearest;
	}

	private Hit best(List<Hit> hits) {
		return hits.stream().min(preference()).orElseThrow();
	}

	/**
	 * The final error first, then the failing stage, then the latest line before the
	 * failure.
	 */
	private Comparator<Hit> preference() {
		return Comparator.comparingInt((Hit hit) -> hit.finalError() ? 0 : inFailingStage(hit) ? 1 : 2)
			.thenComparingInt((hit) -> (hit.index() <= this.finalIndex || this.finalIndex < 0) ? 0 : 1)
			.thenComparingInt((hit) -> -hit.index());
	}

	private Hit veto(int p) {
		for (int id : this.library.none[p]) {
			List<Hit> hits = inScope(id);
			if (!hits.isEmpty()) {
				return best(hits);
			}
		}
		return null;
	}

	private List<Hit> inScope(int test) {
		LineTest lineTest = this.library.tests[test];
		List<Hit> hits = this.run.hits(test);
		if (hits.isEmpty()) {
			return hits;
		}
		List<Hit> inScope = new ArrayList<>(hits.size());
		boolean sawFinalError = false;
		for (Hit hit : hits) {
			sawFinalError |= hit.finalError();
		}
		for (Hit hit : hits) {
			// the final line is tested twice, alone and joined with its wrapped
			// continuation: keep the joined
			if (sawFinalError && !hit.finalError() && hit.index() == this.finalIndex) {
				continue;
			}
			if (inScope(hit, lineTest.scope())) {
				inScope.add(hit);
			}
		}
		return inScope;
	}

	private boolean inScope(Hit hit, Scope scope) {
		return switch (scope.kind()) {
			case ANY -> true;
			case FINAL_ERROR -> hit.finalError();
			case FAILING_SECTION -> hit.finalError() || this.failingStage < 0 || inFailingStage(hit);
			case OUTSIDE_SCRIPT -> hit.finalError() || !inScriptStage(hit);
			case RUNNER_LINES -> hit.finalError() || hit.runnerLine();
			case COMMAND_OUTPUT -> commandOutput(hit);
			case LOG_END -> this.summary.finalStatus() == null && hit.index() > this.run.lineCount() - LOG_END_LINES;
			case SECTIONS -> (hit.finalError()) ? scope.admitsFinalError()
					: (!this.run.hasSections() && !afterTheScriptBegan(hit, scope)) || beforeFirstHeaderOfLateCopy(hit)
							|| this.run.sectionNames(hit.section()).stream().anyMatch(scope.sections()::contains);
		};
	}

	/**
	 * In a log without sections the first command echo is where the job's own script
	 * began: a line after it cannot be in a stage that runs before the script.
	 */
	private boolean afterTheScriptBegan(Hit hit, Scope scope) {
		int firstCommand = this.run.firstCommand();
		return firstCommand >= 0 && hit.index() > firstCommand
				&& scope.sections()
					.stream()
					.filter((name) -> !name.equals(Scope.FINAL_ERROR_NAME))
					.allMatch(TraceSection::beforeScript);
	}

	private boolean commandOutput(Hit hit) {
		int stage = this.run.commandStage(this.failingStage);
		TraceLine command = this.run.decisive().lastCommand(stage);
		return command != null && this.run.stage(hit.section()) == stage && hit.number() > command.number()
				&& (this.finalIndex < 0 || hit.index() < this.finalIndex);
	}

	/**
	 * A copy that starts late shows lines before its first stage header: they belong to a
	 * stage it does not name, most often the one that failed.
	 */
	private boolean beforeFirstHeaderOfLateCopy(Hit hit) {
		return hit.section() < 0 && this.run.hasSections() && this.summary.startsMidway() && this.failingStage < 0
				&& (this.finalIndex < 0 || hit.index() < this.finalIndex);
	}

	/**
	 * Where the log does not tell the failing stage, a line before its final line (or in
	 * a log without one) is as near the failure as the log lets us tell.
	 */
	private boolean beforeFinalLine(Hit hit) {
		return this.failingStage < 0 && !hit.finalError() && (this.finalIndex < 0 || hit.index() <= this.finalIndex);
	}

	private boolean inScriptStage(Hit hit) {
		return this.run.sectionNames(hit.section())
			.stream()
			.anyMatch((name) -> name.startsWith("step_") || name.equals("after_script"));
	}

	private boolean inFailingStage(Hit hit) {
		return this.failingStage >= 0 && !hit.finalError() && this.run.stage(hit.section()) == this.failingStage;
	}

	/**
	 * A generic pattern yields to a specific one near the failure; a pattern may explain
	 * others away.
	 */
	private String supersededBy(Candidate candidate, List<Candidate> all) {
		for (Candidate other : all) {
			if (other == candidate) {
				continue;
			}
			if (other.pattern.supersedes().contains(candidate.pattern.id())) {
				return "explained by " + other.pattern.id() + ": " + other.summaryText;
			}
			if (RankingPolicy.specificExplainsAway(!other.pattern.generic(), candidate.pattern.generic(),
					other.explainsFailure(), other.confidence.score())) {
				return "a more specific cause explains the failure: " + other.pattern.id() + " (" + other.summaryText
						+ ")";
			}
		}
		return null;
	}

	/**
	 * Evidence from a stage that went on and succeeded does not explain a failure in a
	 * later stage, when another finding sits where the job failed.
	 */
	private String outsideFailure(Candidate candidate, List<Candidate> all) {
		if (this.failingStage < 0 || candidate.nearFailure()) {
			return null;
		}
		boolean anotherNearFailure = all.stream().anyMatch((other) -> other != candidate && other.explainsFailure());
		if (!anotherNearFailure) {
			return null;
		}
		TraceSection failing = this.summary.section(this.failingStage);
		return "the job failed later, in " + failing.name() + "; this evidence is from "
				+ describeStages(candidate.hits) + ", which went on";
	}

	private String describeStages(List<Hit> hits) {
		List<String> names = new ArrayList<>();
		for (Hit hit : hits) {
			int stage = this.run.stage(hit.section());
			String name = (stage >= 0) ? this.run.sectionName(stage) : "outside any section";
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		return String.join(" and ", names);
	}

	private Evidence evidence(Hit hit, String role) {
		return new Evidence(hit.number(), hit.text(), this.run.sectionName(hit.section()),
				hit.finalError() ? "final-error" : role, hit.context().before, List.copyOf(hit.context().after));
	}

	private static String abbreviate(String text) {
		return (text.length() <= 120) ? text : text.substring(0, 117) + "...";
	}

	record Result(List<Finding> findings, List<RuledOut> ruledOut) {

	}

	/** A pattern whose conditions all matched, before ranking. */
	private final class Candidate {

		final FailurePattern pattern;

		final List<Hit> hits;

		final Map<String, String> captures;

		final Map<String, String> values;

		final List<Evidence> evidence;

		final Confidence confidence;

		final String summaryText;

		/**
		 * The missing parts of the log for which corroborating conditions were waived.
		 */
		final List<String> waived;

		Candidate(FailurePattern pattern, int p, List<Hit> hits, List<String> waived) {
			this.pattern = pattern;
			this.hits = hits;
			this.waived = waived;
			this.captures = captures(p, hits);
			this.values = new HashMap<>(FindingAssembler.this.facts);
			this.values.putAll(this.captures);
			this.summaryText = Redactor.redactValue(pattern.summary().render(this.values));
			this.evidence = evidence(pattern);
			this.confidence = confidence(p);
		}

		/**
		 * A cause (not a note) with evidence where the job failed: it can explain others
		 * away.
		 */
		boolean explainsFailure() {
			return this.pattern.severity() != Severity.INFO && nearFailure();
		}

		boolean nearFailure() {
			return this.hits.stream()
				.anyMatch((hit) -> hit.finalError() || inFailingStage(hit) || beforeFinalLine(hit));
		}

		RankingPolicy.Standing standing() {
			return new RankingPolicy.Standing(this.pattern.severity() == Severity.INFO, this.confidence.score(),
					this.pattern.severity(), this.hits.stream().mapToInt(Hit::index).max().orElse(0));
		}

		private Map<String, String> captures(int p, List<Hit> hits) {
			Map<String, String> captures = new LinkedHashMap<>();
			for (Hit hit : hits) {
				hit.groups().forEach((name, value) -> captures.putIfAbsent(name, Redactor.redactValue(value)));
			}
			for (Map.Entry<String, Integer> capture : FindingAssembler.this.library.captures.get(p).entrySet()) {
				if (captures.containsKey(capture.getKey())) {
					continue;
				}
				List<Hit> inScope = inScope(capture.getValue());
				if (!inScope.isEmpty()) {
					Hit latest = inScope.stream().max(Comparator.comparingInt(Hit::index)).orElseThrow();
					String value = latest.groups().get("");
					if (value != null) {
						captures.put(capture.getKey(), Redactor.redactValue(value));
					}
				}
			}
			return captures;
		}

		private List<Evidence> evidence(FailurePattern pattern) {
			if (pattern.match().decisiveLines()) {
				List<Evidence> decisive = FindingAssembler.this.run.decisive()
					.of(FindingAssembler.this.failingStage, FindingAssembler.this.run::sectionName);
				if (!decisive.isEmpty()) {
					return decisive;
				}
			}
			List<Evidence> evidence = new ArrayList<>();
			List<Integer> seen = new ArrayList<>();
			this.hits.stream().sorted(Comparator.comparingInt(Hit::index)).forEach((hit) -> {
				if (!seen.contains(hit.number())) {
					seen.add(hit.number());
					evidence.add(FindingAssembler.this.evidence(hit, "matched"));
				}
			});
			return evidence;
		}

		private Confidence confidence(int p) {
			FindingAssembler assembler = FindingAssembler.this;
			TraceSection failing = assembler.summary.failing();
			boolean hasFinalLine = assembler.finalIndex >= 0;
			boolean beforeFinal = hasFinalLine && this.hits.stream().anyMatch(assembler::beforeFinalLine);
			boolean afterFinal = hasFinalLine
					&& this.hits.stream().allMatch((hit) -> !hit.finalError() && hit.index() > assembler.finalIndex);
			return RankingPolicy.confidence(new RankingPolicy.Placement(this.pattern.confidence(),
					this.pattern.maturity(), this.hits.stream().anyMatch(Hit::finalError),
					assembler.finalErrorIsExitCode, this.hits.stream().anyMatch(assembler::inFailingStage),
					(failing != null) ? failing.name() : null, beforeFinal, afterFinal, describeStages(this.hits),
					this.hits.stream().mapToInt(Hit::index).distinct().count(), usesSectionScope(p),
					assembler.run.hasSections(), assembler.summary.outcome() != Outcome.UNKNOWN, this.waived));
		}

		private boolean usesSectionScope(int p) {
			for (int[] ids : List.of(FindingAssembler.this.library.all[p], FindingAssembler.this.library.any[p])) {
				for (int id : ids) {
					if (FindingAssembler.this.library.tests[id].scope().kind() == Scope.Kind.SECTIONS) {
						return true;
					}
				}
			}
			return false;
		}

		Finding finding() {
			List<RenderedFix> fixes = RenderedFix.render(this.pattern.fix(), this.values);
			List<ProbeCheck> probes = new ArrayList<>();
			for (ProbeSpec probe : this.pattern.confirm()) {
				Map<String, String> arguments = new LinkedHashMap<>();
				probe.with().forEach((name, template) -> arguments.put(name, template.render(this.values)));
				Map<String, Object> expect = new LinkedHashMap<>();
				probe.expect()
					.forEach((name, value) -> expect.put(name,
							(value instanceof Template template) ? template.render(this.values) : value));
				probes.add(new ProbeCheck(probe.probe(), arguments, expect, ProbeStatus.NOT_CHECKED,
						"probes have not run", Map.of(), List.of()));
			}
			return new Finding(this.pattern.id(), this.pattern.category(), this.pattern.name(), this.summaryText,
					this.pattern.severity(), this.pattern.maturity(), this.confidence, this.evidence, this.captures,
					fixes, probes, this.pattern.description(), this.pattern.remediation(), this.pattern.references());
		}

	}

}
