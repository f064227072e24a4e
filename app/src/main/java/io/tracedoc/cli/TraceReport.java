package io.tracedoc.cli;

import java.util.ArrayList;
import java.util.List;

import io.tracedoc.trace.CommandEcho;
import io.tracedoc.trace.FinalStatus;
import io.tracedoc.trace.RunnerInfo;
import io.tracedoc.trace.TraceSection;
import io.tracedoc.trace.TraceSummary;

/**
 * The human-readable form of a trace summary, for a terminal.
 */
final class TraceReport {

	private TraceReport() {
	}

	static String render(TraceSummary summary) {
		StringBuilder out = new StringBuilder();
		field(out, "format", summary.format() + " (" + summary.bytes() + " bytes, " + summary.lineCount() + " lines"
				+ (summary.fragment() ? ", a fragment" + fragmentDetail(summary) : "") + ")");
		RunnerInfo runner = summary.runner();
		if (runner.version() != null) {
			field(out, "runner", "gitlab-runner " + runner.version() + " (" + runner.revision() + ")"
					+ ((runner.name() != null) ? " on " + runner.name() + " " + runner.shortToken() : ""));
		}
		List<String> where = new ArrayList<>();
		add(where, "executor ", runner.executor());
		add(where, "namespace ", runner.namespace());
		add(where, "image ", runner.image());
		add(where, "pod ", runner.pod());
		add(where, "node ", runner.node());
		if (!where.isEmpty()) {
			field(out, "ran", String.join(", ", where));
		}
		FinalStatus status = summary.finalStatus();
		field(out, "outcome", summary.outcome() + ((status != null) ? " at line " + status.line() : "")
				+ ((status != null && status.exitCode() != null) ? ", exit code " + status.exitCode() : ""));
		if (status != null && !status.error().isEmpty()) {
			field(out, "error", status.error());
		}
		if (summary.truncation() != null) {
			field(out, "truncated", "at line " + summary.truncation().line() + ": log limit of "
					+ summary.truncation().limitBytes() + " bytes");
		}
		TraceSection failing = summary.failing();
		if (failing != null) {
			field(out, "failed in", failing.name() + lineRange(failing));
		}
		if (!summary.sections().isEmpty()) {
			out.append("sections\n");
			for (TraceSection section : summary.sections()) {
				out.append("  ")
					.append("  ".repeat(Math.min(section.depth(), 8)))
					.append(String.format("%-28s %8s %-14s %s%s%n", section.name(), duration(section),
							lineRange(section).strip(), (section.title() != null) ? section.title() : "",
							section.unclosed() ? "  (never closed)" : ""));
			}
		}
		if (!summary.commands().isEmpty()) {
			out.append("commands\n");
			for (CommandEcho command : summary.commands()) {
				TraceSection section = summary.section(command.section());
				out.append(String.format("  %6d  %-20s $ %s%n", command.line(),
						(section != null) ? section.name() : "-", command.command()));
			}
		}
		return out.toString();
	}

	private static String fragmentDetail(TraceSummary summary) {
		if (summary.startsMidway() && summary.endsMidway()) {
			return " without its start and its end";
		}
		return summary.startsMidway() ? " without its start" : " without its end";
	}

	private static void field(StringBuilder out, String name, String value) {
		out.append(String.format("%-10s %s%n", name, value));
	}

	private static void add(List<String> parts, String label, String value) {
		if (value != null) {
			parts.add(label + value);
		}
	}

	private static String lineRange(TraceSection section) {
		return (section.firstLine() < 0) ? " (no lines)" : " lines " + section.firstLine() + "-" + section.lastLine();
	}

	private static String duration(TraceSection section) {
		if (section.durationSeconds() == null) {
			return "";
		}
		long seconds = section.durationSeconds();
		return (seconds >= 3600) ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
				: String.format("%02d:%02d", seconds / 60, seconds % 60);
	}

}
