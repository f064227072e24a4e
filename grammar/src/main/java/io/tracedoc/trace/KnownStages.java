package io.tracedoc.trace;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runner's stage sections and the header text it prints for each
 * ({@code common/build.go}, {@code GetStageDescription}). Copies from the web UI have no
 * markers, so their sections are recognised from these headers, with the duration badge
 * GitLab renders after them.
 */
final class KnownStages {

	/**
	 * Stages the runner still runs after an earlier stage failed: the job did not fail in
	 * them.
	 */
	static final Set<String> EPILOGUE = Set.of("after_script", "archive_cache_on_failure",
			"upload_artifacts_on_failure", "cleanup_file_variables");

	/**
	 * The only {@link #EPILOGUE} stage whose error can end a job: a failing after_script
	 * fails a job that had no error yet. The {@code _on_failure} stages run only once the
	 * job already has an error, which wins, and the cleanup's errors are only logged
	 * ({@code common/build.go}: {@code pickPriorityError},
	 * {@code removeFileBasedVariables}).
	 */
	static final String AFTER_SCRIPT = "after_script";

	/** Stages the runner runs only after the job's script succeeded. */
	static final Set<String> AFTER_SUCCESS = Set.of("archive_cache", "upload_artifacts_on_success");

	/** Stages the runner runs before the job's own script. */
	static final Set<String> PROLOGUE = Set.of("resolve_secrets", "prepare_executor", "prepare_script", "get_sources",
			"clear_worktree", "restore_cache", "download_artifacts");

	private static final List<Stage> STAGES = List.of(new Stage("resolve_secrets", "Resolving secrets"),
			new Stage("prepare_executor", "Preparing the \"[^\"]+\" executor"),
			new Stage("prepare_script", "Preparing environment"),
			new Stage("get_sources", "Getting source from Git repository"),
			new Stage("clear_worktree", "Deleting all tracked and untracked files due to source fetch failure"),
			new Stage("restore_cache", "Restoring cache"), new Stage("download_artifacts", "Downloading artifacts"),
			new Stage(null, "Executing \"(?<step>step_[A-Za-z0-9_.-]+)\" stage of the job script"),
			new Stage("after_script", "Running after_script"),
			new Stage("archive_cache", "Saving cache for successful job"),
			new Stage("archive_cache_on_failure", "Saving cache for failed job"),
			new Stage("upload_artifacts_on_success", "Uploading artifacts for successful job"),
			new Stage("upload_artifacts_on_failure", "Uploading artifacts for failed job"),
			new Stage("cleanup_file_variables", "Cleaning up (?:project directory and )?file based variables"));

	private static final Pattern HEADER;

	/** A duration badge: {@code MM:SS}, or {@code HH:MM:SS} from one hour on. */
	static final Pattern DURATION = Pattern.compile("(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)");

	static {
		StringBuilder alternatives = new StringBuilder();
		for (int i = 0; i < STAGES.size(); i++) {
			alternatives.append((i > 0) ? "|" : "")
				.append("(?<s")
				.append(i)
				.append('>')
				.append(STAGES.get(i).header)
				.append(')');
		}
		HEADER = Pattern.compile("(" + alternatives + ")(?:[ \\t]+(?<badge>" + DURATION.pattern() + "))?[ \\t]*");
	}

	private KnownStages() {
	}

	/**
	 * Recognises a stage header line of a web-UI copy.
	 * @param text the line's text
	 * @return the stage, or {@code null} when the line is not a stage header
	 */
	static Header header(String text) {
		if (text.length() > 120 || text.isEmpty() || !Character.isUpperCase(text.charAt(0))) {
			return null;
		}
		Matcher matcher = HEADER.matcher(text);
		if (!matcher.matches()) {
			return null;
		}
		for (int i = 0; i < STAGES.size(); i++) {
			String matched = matcher.group("s" + i);
			if (matched != null) {
				Stage stage = STAGES.get(i);
				String name = (stage.name != null) ? stage.name : matcher.group("step");
				String badge = matcher.group("badge");
				return new Header(name, matched, (badge != null) ? seconds(badge) : null);
			}
		}
		return null;
	}

	/**
	 * @param text a line's text
	 * @return the seconds of a duration badge standing alone on the line, or {@code null}
	 */
	static Long badge(String text) {
		String trimmed = text.strip();
		return DURATION.matcher(trimmed).matches() ? seconds(trimmed) : null;
	}

	private static long seconds(String badge) {
		Matcher matcher = DURATION.matcher(badge);
		matcher.matches();
		long hours = (matcher.group(1) != null) ? Long.parseLong(matcher.group(1)) : 0;
		return hours * 3600 + Long.parseLong(matcher.group(2)) * 60 + Long.parseLong(matcher.group(3));
	}

	/**
	 * A recognised stage header.
	 *
	 * @param name the section name the runner would have used
	 * @param title the header text without the duration badge
	 * @param durationSeconds the badge, or {@code null} when the copy has none on this
	 * line
	 */
	record Header(String name, String title, Long durationSeconds) {

	}

	private record Stage(String name, String header) {

	}

}
