package io.tracedoc.diagnosis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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
 * like an error. Whether a line is error-like comes from the engine's one literal scan
 * per line ({@link #ERROR_WORDS}, checked with {@link #counts}), not from a regex of its
 * own.
 */
final class DecisiveLines {

	static final int KEPT = 5;

	/** A word that counts anywhere. */
	static final int ANYWHERE = 0;

	/** A word that counts only as a whole word. */
	static final int WHOLE_WORD = 1;

	/**
	 * A whole word that test runners also print with a zero count ({@code Failures: 0}),
	 * which is no error.
	 */
	static final int COUNTED = 2;

	/** Words that make a line error-like, lower-cased, and how each counts. */
	static final Map<String, Integer> ERROR_WORDS = Map.ofEntries(Map.entry("error", COUNTED),
			Map.entry("errors", COUNTED), Map.entry("failed", COUNTED), Map.entry("failure", COUNTED),
			Map.entry("failures", COUNTED), Map.entry("fatal", WHOLE_WORD), Map.entry("fail", WHOLE_WORD),
			Map.entry("panic", WHOLE_WORD), Map.entry("cannot", WHOLE_WORD), Map.entry("unable to", WHOLE_WORD),
			Map.entry("killed", WHOLE_WORD), Map.entry("exception", ANYWHERE), Map.entry("traceback", ANYWHERE),
			Map.entry("denied", ANYWHERE), Map.entry("can't", ANYWHERE), Map.entry("not found", ANYWHERE),
			Map.entry("no such file", ANYWHERE), Map.entry("refused", ANYWHERE), Map.entry("timed out", ANYWHERE),
			Map.entry("segmentation fault", ANYWHERE), Map.entry("npm err!", ANYWHERE), Map.entry("assert", ANYWHERE),
			Map.entry("\u2717", ANYWHERE), Map.entry("\u2718", ANYWHERE), Map.entry("undefined reference", ANYWHERE),
			Map.entry("not permitted", ANYWHERE));

	/** Lines the runner prints around every job; they are never the reason. */
	private static final List<String> RUNNER_NOISE = List.of("WARNING: Event retrieved from the cluster: ",
			"Cleaning up ", "Uploading artifacts", "Saving cache", "Failed to extract cache", "Failed to create cache",
			"Running after_script", "Running on ", "Waiting for pod ", "ERROR: Job failed", "Job succeeded",
			"Executing \"step_", "Preparing ", "Getting source from", "Skipping Git submodules", "Restoring cache",
			"Downloading artifacts", "WARNING: Retrying", "Will be retried", "Checking cache",
			"No URL provided, cache");

	/**
	 * The first characters of {@link #RUNNER_NOISE}, to pass over most lines at a glance.
	 */
	private static final boolean[] NOISE_STARTS = new boolean[128];

	static {
		for (String prefix : RUNNER_NOISE) {
			NOISE_STARTS[prefix.charAt(0)] = true;
		}
	}

	private final Map<Integer, Stage> stages = new HashMap<>();

	void command(TraceLine line, int stage) {
		Stage state = stage(stage);
		state.command = line;
		state.errors.clear();
		state.tail.clear();
	}

	/**
	 * @param line a line, redacted
	 * @param stage its stage
	 * @param errorLike whether one of its {@link #ERROR_WORDS} counted
	 */
	void observe(TraceLine line, int stage, boolean errorLike) {
		String text = line.text();
		if (text.startsWith("$ ") || runnerNoise(text)) {
			return;
		}
		Stage state = stage(stage);
		if (state.tail.size() == KEPT) {
			state.tail.removeFirst();
		}
		state.tail.addLast(line);
		if (errorLike && state.errors.size() < KEPT) {
			state.errors.add(line);
		}
	}

	/**
	 * Whether an error word found in a line makes it error-like: as a whole word where
	 * that matters, and not as the zero count of a test summary
	 * ({@code Tests run: 38, Failures: 0, Errors: 0}).
	 * @param lower the line, lower-cased
	 * @param begin where the word begins
	 * @param end where it ends
	 * @param kind how the word counts ({@link #ERROR_WORDS})
	 * @return {@code true} when it counts
	 */
	static boolean counts(String lower, int begin, int end, int kind) {
		return (kind == ANYWHERE || wholeWord(lower, begin, end)) && (kind != COUNTED || !zeroCount(lower, begin, end));
	}

	/**
	 * @param stage the stage the job failed in, or -1 when unknown
	 * @param sectionNames names sections for the evidence
	 * @return the command and its first error-like lines (or its last lines of output)
	 */
	List<Evidence> of(int stage, IntFunction<String> sectionNames) {
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

	private static boolean runnerNoise(String text) {
		if (text.isEmpty() || text.charAt(0) >= 128 || !NOISE_STARTS[text.charAt(0)]) {
			return false;
		}
		for (String prefix : RUNNER_NOISE) {
			if (text.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean wholeWord(String text, int begin, int end) {
		return (begin == 0 || !wordCharacter(text.charAt(begin - 1)))
				&& (end == text.length() || !wordCharacter(text.charAt(end)));
	}

	private static boolean wordCharacter(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	/** {@code errors: 0}, {@code failures=0}, {@code 0 failed}. */
	private static boolean zeroCount(String text, int begin, int end) {
		int after = end;
		if (after < text.length() && (text.charAt(after) == ':' || text.charAt(after) == '=')) {
			after++;
		}
		while (after < text.length() && text.charAt(after) == ' ') {
			after++;
		}
		if (after < text.length() && text.charAt(after) == '0'
				&& (after + 1 == text.length() || !Character.isDigit(text.charAt(after + 1)))) {
			return true;
		}
		return begin >= 2 && text.charAt(begin - 1) == ' ' && text.charAt(begin - 2) == '0'
				&& (begin == 2 || !Character.isDigit(text.charAt(begin - 3)));
	}

	private static Evidence evidence(TraceLine line, String role, IntFunction<String> sectionNames) {
		return new Evidence(line.number(), line.text(), sectionNames.apply(line.section()), role, List.of(), List.of());
	}

	/**
	 * @param stage a stage, or -1 for lines outside any
	 * @return the last command echoed in it, or {@code null}
	 */
	TraceLine lastCommand(int stage) {
		Stage state = this.stages.get(stage);
		return (state != null) ? state.command : null;
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
