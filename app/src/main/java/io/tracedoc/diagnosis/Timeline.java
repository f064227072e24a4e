package io.tracedoc.diagnosis;

import java.util.ArrayList;
import java.util.List;

import io.tracedoc.trace.TraceSection;

/**
 * Where the job's time went: its stages with their durations and share of the whole, so
 * "2:40 in Preparing environment before get_sources" shows at a glance.
 *
 * @param stages the top-level sections in order
 * @param totalSeconds the sum of the known durations
 * @param longest the stage that took longest, or {@code null} when no duration is known
 */
public record Timeline(List<Stage> stages, long totalSeconds, Stage longest) {

	public Timeline {
		stages = List.copyOf(stages);
	}

	/**
	 * @param trace the facts of a diagnosed log
	 * @return its timeline, without stages when the log has no sections
	 */
	static Timeline of(TraceFacts trace) {
		if (trace == null) {
			return new Timeline(List.of(), 0, null);
		}
		long total = 0;
		for (TraceSection stage : trace.stages()) {
			if (stage.durationSeconds() != null && stage.durationSeconds() > 0) {
				total += stage.durationSeconds();
			}
		}
		TraceSection failing = trace.failingSection();
		List<Stage> stages = new ArrayList<>();
		Stage longest = null;
		for (TraceSection section : trace.stages()) {
			Long seconds = section.durationSeconds();
			int percent = (total > 0 && seconds != null && seconds > 0) ? (int) Math.round(100.0 * seconds / total) : 0;
			Stage stage = new Stage(section.name(), (section.title() != null) ? section.title() : section.name(),
					Durations.format(seconds), (seconds != null) ? seconds : 0, percent,
					failing != null && failing.id() == section.id(), section.firstLine());
			stages.add(stage);
			if (seconds != null && seconds > 0 && (longest == null || seconds > longest.seconds())) {
				longest = stage;
			}
		}
		return new Timeline(stages, total, longest);
	}

	/**
	 * @return the sum of the known durations, written out
	 */
	public String total() {
		return Durations.format(this.totalSeconds);
	}

	/**
	 * A stage of the job.
	 *
	 * @param name the section's marker name ({@code get_sources})
	 * @param title its header ({@code Getting source from Git repository})
	 * @param duration how long it took, written out, or {@code null} when unknown
	 * @param seconds how long it took, 0 when unknown
	 * @param percent its share of the known total, 0-100
	 * @param failing {@code true} for the stage the job failed in
	 * @param firstLine the number of its first line, or -1 when it has none
	 */
	public record Stage(String name, String title, String duration, long seconds, int percent, boolean failing,
			int firstLine) {

	}

}
