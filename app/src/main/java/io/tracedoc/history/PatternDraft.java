package io.tracedoc.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.re2j.Pattern;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.Evidence;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.history.HistoryViews.Cluster;
import io.tracedoc.history.HistoryViews.FacetCount;
import io.tracedoc.pattern.Category;
import io.tracedoc.trace.FinalStatus;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Drafts a pattern for a cluster of unknown failures, for a person to review and add to
 * {@code patterns/}: the regex comes from the line the members share (its masks turned
 * into character classes), the members' failing lines become {@code match} examples, and
 * the same lines without that line in a succeeded job become the {@code no-match} one.
 * Valid against {@code pattern.schema.json} as drafted; the cause, the fix and the
 * references are for the reviewer to write.
 */
final class PatternDraft {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE, YAMLWriteFeature.MINIMIZE_QUOTES)
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
		.build();

	private PatternDraft() {
	}

	/**
	 * @param cluster the cluster, with its shared normalised lines
	 * @param members its newest members, at least one
	 * @param suggested the category people said these failures have, or {@code null}
	 * @return the pattern file's text
	 */
	static String draft(Cluster cluster, List<StoredDiagnosis> members, Category suggested) {
		String keyLine = keyLine(cluster.lines());
		Pattern regex = Pattern.compile(Signatures.regex(keyLine));
		Category category = (suggested != null) ? suggested : guessCategory(members.get(0).diagnosis());
		String id = "draft-" + cluster.signature();
		Map<String, Object> pattern = new LinkedHashMap<>();
		pattern.put("id", id);
		pattern.put("name", "Draft – unknown failure " + cluster.signature());
		pattern.put("category", category.id());
		pattern.put("summary", keyLine.replace("{", "").replace("}", ""));
		pattern.put("description",
				"Drafted by tracedoc from " + cluster.count() + " unknown failures (signature " + cluster.signature()
						+ ", first seen " + cluster.firstSeen() + ", last seen " + cluster.lastSeen() + ", projects "
						+ String.join(", ", cluster.projects().stream().map(FacetCount::value).toList())
						+ "). Review the regex, say why it happens, and write the fix before adding it to patterns/.");
		pattern.put("remediation", "Not written yet: say what to do.");
		pattern.put("severity", "medium");
		pattern.put("confidence", "low");
		pattern.put("maturity", "sandbox");
		pattern.put("tags", List.of("draft"));
		pattern.put("references", List.of("https://docs.gitlab.com/runner/executors/kubernetes/"));
		pattern.put("match", Map.of("in", "failing-section", "all", List.of(Map.of("regex", regex.pattern()))));
		pattern.put("fix", List.of(Map.of("kind", "text", "title", "Write the fix", "content",
				"Not written yet: the snippet that fixes it, with {{runner.namespace}} where it applies.")));
		List<Map<String, Object>> examples = new ArrayList<>();
		for (StoredDiagnosis member : members) {
			examples.add(ordered("name", "fires on the failure of diagnosis " + member.id(), "expect", "match", "log",
					excerpt(member)));
		}
		List<String> quiet = new ArrayList<>(excerpt(members.get(0)).lines()
			.filter((line) -> !regex.matcher(line).find() && !line.contains("Job failed"))
			.toList());
		quiet.add("Job succeeded");
		examples.add(ordered("name", "stays quiet when the same job succeeded without the error", "expect", "no-match",
				"log", String.join("\n", quiet) + "\n"));
		pattern.put("examples", examples);
		return "# Drafted by tracedoc from the unknown failures with signature " + cluster.signature() + ".\n"
				+ "# Review it, then save it as patterns/" + category.id() + "/" + id + ".yaml (rename the id to\n"
				+ "# what the failure is, in the file name too) and run the pattern examples.\n"
				+ YAML.writeValueAsString(pattern);
	}

	/**
	 * The shared line that says most: the one with the most text besides masks.
	 */
	private static String keyLine(List<String> lines) {
		return lines.stream()
			.max(Comparator.comparingInt(
					(String line) -> line.replaceAll("<(?:time|hash|pod|ip|path|n)>", "").replace(" ", "").length()))
			.orElseThrow(() -> new IllegalArgumentException("a cluster has at least one line"));
	}

	private static Category guessCategory(Diagnosis diagnosis) {
		FinalStatus status = (diagnosis.trace() != null) ? diagnosis.trace().finalStatus() : null;
		// the runner reports its own failures as system failures; the rest come from the
		// job
		return (status != null && status.systemFailure()) ? Category.RUNNER_MISCONFIGURATION : Category.SCRIPT_FAILURE;
	}

	/**
	 * The member's failing command, its error-like lines and the runner's final status.
	 */
	private static String excerpt(StoredDiagnosis member) {
		StringBuilder log = new StringBuilder();
		for (Evidence line : member.diagnosis().decisiveLines()) {
			log.append(line.text()).append('\n');
		}
		FinalStatus status = member.diagnosis().trace().finalStatus();
		if (status != null) {
			log.append(joined(status)).append('\n');
		}
		return log.toString();
	}

	/**
	 * The status line with its whole error, also when a copy wrapped the error over
	 * several lines.
	 */
	private static String joined(FinalStatus status) {
		String error = status.error();
		if (error.isEmpty() || status.text().endsWith(error)) {
			return status.text();
		}
		int start = status.text().indexOf(error.substring(0, Math.min(20, error.length())));
		return (start >= 0) ? status.text().substring(0, start) + error : status.text() + " " + error;
	}

	/**
	 * @param keysAndValues key, value, key, value ...
	 * @return a map that keeps the fields in the order a pattern author expects
	 */
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
