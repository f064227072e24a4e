package io.tracedoc.diagnosis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.re2j.Pattern;
import io.tracedoc.trace.TraceLine;

/**
 * Finds what to read first when a job failed in its own script or for an unknown reason:
 * the command that ran last in the failing stage, and the first error-like lines it
 * printed. Not the generic {@code exit code 1} trailer, which says nothing about why.
 *
 * <p>
 * Kept per stage while the log streams, because the failing stage is only known at the
 * end: for each stage, the last command echo, the first {@value #KEPT} error-like lines
 * after it, and the last {@value #KEPT} lines of output as a fallback when nothing looks
 * like an error.
 */
final class DecisiveLines {

	static final int KEPT = 5;

	private static final Pattern ERROR_LIKE = Pattern.compile("(?i)(?:\\berrors?\\b|\\bfatal\\b|\\bfailed\\b|"
			+ "\\bfailure\\b|exception\\b|\\bpanic\\b|traceback|denied\\b|\\bcannot\\b|can't|\\bunable to\\b|"
			+ "not found|no such file|refused|timed out|segmentation fault|\\bkilled\\b|\\bFAIL\\b|npm err!|"
			+ "\\bassert|✗|✘|\\bundefined reference\\b|\\bnot permitted\\b)");

	/** Counters of zero problems, as test runners print them: not an error. */
	private static final Pattern ZERO_COUNT = Pattern
		.compile("(?i)(?:\\b(?:errors?|failures?|failed)\\b[:=]?\\s*0\\b|\\b0 (?:errors?|failures?|failed)\\b)");

	/** Lines the runner prints around every job; they are never the reason. */
	private static final Pattern RUNNER_NOISE = Pattern.compile("^(?:WARNING: Event retrieved from the cluster: |"
			+ "Cleaning up |Uploading artifacts|Saving cache|Failed to extract cache|Failed to create cache|"
			+ "Running after_script|Running on |Waiting for pod |ERROR: Job failed|Job succeeded|"
			+ "Executing \"step_|Preparing |Getting source from|Skipping Git submodules|Restoring cache|"
			+ "Downloading artifacts|WARNING: Retrying|Will be retried|Checking cache|No URL provided, cache)");

	private final Map<Integer, Stage> stages = new HashMap<>();

	void command(TraceLine line, int stage) {
		Stage state = stage(stage);
		state.command = line;
		state.errors.clear();
		state.tail.clear();
	}

	void observe(TraceLine line, int stage) {
		String text = line.text();
		if (text.startsWith("$ ") || RUNNER_NOISE.matcher(text).find()) {
			return;
		}
		Stage state = stage(stage);
		if (state.tail.size() == KEPT) {
			state.tail.removeFirst();
		}
		state.tail.addLast(line);
		if (state.errors.size() < KEPT && ERROR_LIKE.matcher(text).find() && !ZERO_COUNT.matcher(text).find()) {
			state.errors.add(line);
		}
	}

	/**
	 * @param stage the stage the job failed in, or -1 when unknown
	 * @param sectionNames names sections for the evidence
	 * @return the command and its first error-like lines (or its last lines of output)
	 */
	List<Evidence> of(int stage, java.util.function.IntFunction<String> sectionNames) {
		Stage state = this.stages.get(stage);
		if (state == null && stage >= 0) {
			state = this.stages.get(-1);
		}
		if (state == null) {
			return List.of();
		}
		List<Evidence> evidence = new ArrayList<>();
		if (state.command != null) {
			evidence.add(evidence(state.command, "command", sectionNames));
		}
		List<TraceLine> lines = state.errors.isEmpty() ? new ArrayList<>(state.tail) : state.errors;
		for (TraceLine line : lines) {
			evidence.add(evidence(line, "decisive", sectionNames));
		}
		return evidence;
	}

	private static Evidence evidence(TraceLine line, String role, java.util.function.IntFunction<String> sectionNames) {
		return new Evidence(line.number(), line.text(), sectionNames.apply(line.section()), role, List.of(), List.of());
	}

	private Stage stage(int stage) {
		return this.stages.computeIfAbsent(stage, (key) -> new Stage());
	}

	private static final class Stage {

		TraceLine command;

		final List<TraceLine> errors = new ArrayList<>(KEPT);

		final ArrayDeque<TraceLine> tail = new ArrayDeque<>(KEPT);

	}

}
