package io.tracedoc.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.tracedoc.probe.ProbeMatrix.Phase;
import io.tracedoc.probe.ProbeMatrix.Result;

/**
 * Writes a matrix run as a Markdown table under {@code target/probe-matrix/}, for the
 * record (docs/probe-matrix.md quotes it).
 */
final class MatrixReport {

	private MatrixReport() {
	}

	/**
	 * @param where {@code mock} or {@code real}
	 * @param results every result of the run
	 * @return the file written
	 */
	static Path write(String where, List<Result> results) {
		StringBuilder table = new StringBuilder("| scenario | phase | expected | got | finding | checks |\n");
		table.append("|---|---|---|---|---|---|\n");
		for (Result result : results) {
			table.append("| ")
				.append(result.row().scenario())
				.append(" | ")
				.append(phase(result.phase()))
				.append(" | ")
				.append(result.phase().expected)
				.append(" | ")
				.append(result.right() ? "" : "**WRONG** ")
				.append(result.got())
				.append(" | ")
				.append(result.finding())
				.append(" | ")
				.append(result.checks()
					.stream()
					.map((check) -> check.probe() + " " + check.status() + " [" + check.basis() + "]"
							+ ((check.overruledBy() != null) ? " overruled by " + check.overruledBy() : ""))
					.collect(Collectors.joining("; ")))
				.append(" |\n");
		}
		long right = results.stream().filter(Result::right).count();
		table.append("\n").append(right).append(" of ").append(results.size()).append(" verdicts as expected\n");
		try {
			Path file = Path.of("target", "probe-matrix", where + ".md");
			Files.createDirectories(file.getParent());
			return Files.writeString(file, table);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String phase(Phase phase) {
		return switch (phase) {
			case CAUSE -> "cause set up";
			case WITHOUT_PERMISSION -> "tracedoc lacks the probe's permission";
			case FIXED -> "cause fixed";
		};
	}

}
