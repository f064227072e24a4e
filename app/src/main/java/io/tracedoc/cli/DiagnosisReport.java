package io.tracedoc.cli;

import java.util.List;
import java.util.Map;

import io.tracedoc.diagnosis.Confidence.Signal;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.Evidence;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.RenderedFix;
import io.tracedoc.diagnosis.RuledOut;
import io.tracedoc.trace.TraceSection;

/**
 * The human-readable form of a diagnosis, for a terminal: the verdict, the lines that
 * prove it, why the engine is that sure, the fix to copy, and what was ruled out.
 */
final class DiagnosisReport {

	private static final int MAX_LINE = 240;

	private static final int MAX_EVIDENCE = 6;

	private DiagnosisReport() {
	}

	static String render(Diagnosis diagnosis) {
		StringBuilder out = new StringBuilder();
		TraceSection failing = diagnosis.trace().failingSection();
		out.append(diagnosis.category().id()).append(": ").append(diagnosis.title()).append('\n');
		out.append("  ").append(diagnosis.summary()).append('\n');
		out.append("  outcome ").append(diagnosis.outcome());
		if (failing != null) {
			out.append(" in ").append(failing.name());
		}
		if (diagnosis.trace().runner().namespace() != null) {
			out.append(", namespace ").append(diagnosis.trace().runner().namespace());
		}
		if (diagnosis.trace().runner().pod() != null) {
			out.append(", pod ").append(diagnosis.trace().runner().pod());
		}
		out.append('\n');
		Finding top = diagnosis.top();
		if (top != null) {
			finding(out, top);
		}
		if (top == null || top.evidence().stream().allMatch((e) -> !"decisive".equals(e.role()))) {
			if (!diagnosis.decisiveLines().isEmpty() && (top == null || top.category().id().equals("script-failure"))) {
				out.append("\ndecisive lines\n");
				lines(out, diagnosis.decisiveLines());
			}
		}
		for (int i = 1; i < diagnosis.findings().size(); i++) {
			Finding other = diagnosis.findings().get(i);
			out.append("\nalso: ")
				.append(other.pattern())
				.append(" (")
				.append(other.category().id())
				.append(", confidence ")
				.append(other.confidence().score())
				.append("): ")
				.append(other.summary())
				.append('\n');
		}
		if (!diagnosis.ruledOut().isEmpty()) {
			out.append("\nruled out\n");
			for (RuledOut ruledOut : diagnosis.ruledOut()) {
				out.append("  - ").append(ruledOut.pattern()).append(": ").append(ruledOut.reason()).append('\n');
			}
		}
		if (diagnosis.redactions() > 0) {
			out.append("\n(").append(diagnosis.redactions()).append(" secret(s) redacted)\n");
		}
		return out.toString();
	}

	private static void finding(StringBuilder out, Finding finding) {
		out.append("\nconfidence ")
			.append(finding.confidence().score())
			.append(" (")
			.append(finding.confidence().level().id())
			.append("), pattern ")
			.append(finding.pattern())
			.append('\n');
		for (Signal signal : finding.confidence().signals()) {
			out.append(String.format("  %+.2f %s%n", signal.weight(), signal.detail()));
		}
		out.append("\nevidence\n");
		lines(out, finding.evidence());
		for (RenderedFix fix : finding.fix()) {
			out.append("\nfix (").append(fix.kind().id()).append("): ").append(fix.title()).append('\n');
			for (String line : fix.content().split("\n", -1)) {
				if (!line.isEmpty()) {
					out.append("    ").append(line).append('\n');
				}
			}
		}
		if (!finding.probes().isEmpty()) {
			out.append("\nconfirm against the cluster\n");
			for (ProbeCheck probe : finding.probes()) {
				out.append("  ")
					.append(probe.status())
					.append(' ')
					.append(probe.probe())
					.append(' ')
					.append(arguments(probe.arguments()))
					.append(": ")
					.append(probe.reason())
					.append('\n');
				// what the probe read, as it was when the job had just failed
				for (String seen : probe.evidence().subList(0, Math.min(probe.evidence().size(), MAX_EVIDENCE))) {
					out.append("      ").append(clip(seen)).append('\n');
				}
			}
		}
	}

	private static void lines(StringBuilder out, List<Evidence> evidence) {
		for (Evidence line : evidence) {
			for (Evidence.ContextLine before : line.before()) {
				out.append(String.format("  %6d   %s%n", before.line(), clip(before.text())));
			}
			out.append(String.format("  %6d > %s%n", line.line(), clip(line.text())));
			for (Evidence.ContextLine after : line.after()) {
				out.append(String.format("  %6d   %s%n", after.line(), clip(after.text())));
			}
		}
	}

	private static String arguments(Map<String, String> arguments) {
		StringBuilder out = new StringBuilder();
		arguments
			.forEach((name, value) -> out.append((out.length() > 0) ? " " : "").append(name).append('=').append(value));
		return out.toString();
	}

	private static String clip(String text) {
		return (text.length() <= MAX_LINE) ? text : text.substring(0, MAX_LINE - 1) + "…";
	}

}
