package io.tracedoc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.pattern.Category;
import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.trace.TraceListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tracedoc coverage DIR}: which logs of a folder the library explains, with what,
 * and which it does not.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
		description = "Diagnoses every *.log and *.txt under DIR and reports which patterns matched which logs, "
				+ "which logs matched nothing, and which patterns matched no log.")
final class CoverageCommand implements Callable<Integer> {

	@Parameters(paramLabel = "DIR", description = "a folder of job logs (searched recursively)")
	private Path directory;

	@Mixin
	private PatternOptions patterns;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		if (!Files.isDirectory(this.directory)) {
			throw new UnreadableInputException(this.directory + " is not a directory", null);
		}
		PatternCatalog catalog = this.patterns.load();
		DiagnosisEngine engine = new DiagnosisEngine(catalog);
		List<Path> logs = logs();
		PrintWriter out = this.spec.commandLine().getOut();
		Map<String, List<String>> byPattern = new TreeMap<>();
		List<String> unexplained = new ArrayList<>();
		int succeeded = 0;
		out.printf("%-60s %-28s %s%n", "log", "category", "findings");
		for (Path log : logs) {
			String name = this.directory.relativize(log).toString();
			Diagnosis diagnosis = LogInput.read(log.toString(), (in) -> engine.diagnose(in, new TraceListener() {
			}));
			List<String> patternIds = diagnosis.findings().stream().map(Finding::pattern).toList();
			patternIds.forEach((id) -> byPattern.computeIfAbsent(id, (key) -> new ArrayList<>()).add(name));
			if (diagnosis.category() == Category.UNKNOWN) {
				unexplained.add(name);
			}
			if (diagnosis.category() == Category.JOB_SUCCEEDED) {
				succeeded++;
			}
			out.printf("%-60s %-28s %s%n", name, diagnosis.category().id(),
					patternIds.isEmpty() ? "-" : String.join(", ", patternIds));
		}
		out.println();
		out.printf("%d logs: %d explained, %d succeeded, %d matched nothing%n", logs.size(),
				logs.size() - unexplained.size() - succeeded, succeeded, unexplained.size());
		if (!unexplained.isEmpty()) {
			out.println("matched nothing:");
			unexplained.forEach((name) -> out.println("  " + name));
		}
		out.println("patterns that matched:");
		byPattern.forEach((id, names) -> out.printf("  %-40s %d log(s)%n", id, names.size()));
		List<String> silent = catalog.patterns()
			.stream()
			.map(FailurePattern::id)
			.filter((id) -> !byPattern.containsKey(id))
			.toList();
		out.println(silent.size() + " pattern(s) matched no log"
				+ (silent.isEmpty() ? "" : ": " + String.join(", ", silent)));
		return ExitCodes.DONE;
	}

	private List<Path> logs() {
		try (Stream<Path> files = Files.walk(this.directory)) {
			return files.filter(Files::isRegularFile).filter((path) -> {
				String name = path.getFileName().toString();
				return name.endsWith(".log") || name.endsWith(".txt");
			}).sorted().toList();
		}
		catch (IOException ex) {
			throw new UnreadableInputException(this.directory + " cannot be listed: " + ex.getMessage(), ex);
		}
	}

}
