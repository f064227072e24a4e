package io.tracedoc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.evaluation.Evaluation;
import io.tracedoc.evaluation.Evaluation.Result;
import io.tracedoc.evaluation.LabelledCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tracedoc eval DIR}: how often the library names the labelled root cause of the
 * logs of a labelled folder, first and among the first three.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
		description = "Diagnoses every log of a labelled folder (DIR/manifest.yaml: file, source, label, cause, "
				+ "settled, executor, shape) and prints top-1 and top-3 accuracy, causes given to succeeded jobs, "
				+ "precision and recall per category, the confusion pairs and every miss.")
final class EvalCommand implements Callable<Integer> {

	@Parameters(paramLabel = "DIR", description = "a folder with manifest.yaml and the logs it labels")
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
		LabelledCorpus corpus;
		try {
			corpus = LabelledCorpus.read(this.directory);
		}
		catch (LabelledCorpus.CorpusException ex) {
			throw new UnreadableInputException(ex.getMessage(), ex);
		}
		Evaluation evaluation = Evaluation.of(corpus, new DiagnosisEngine(this.patterns.load()));
		print(evaluation, this.spec.commandLine().getOut());
		return ExitCodes.DONE;
	}

	private static void print(Evaluation evaluation, PrintWriter out) {
		int size = evaluation.size();
		out.printf(Locale.ROOT, "%d logs: top-1 %s, top-3 %s, %d cause(s) given to succeeded jobs%n", size,
				percent(evaluation.top1(), size), percent(evaluation.top3(), size),
				evaluation.causesOnSucceededJobs().size());
		out.println();
		out.printf(Locale.ROOT, "%-28s %8s %6s %6s %10s %7s%n", "category", "labelled", "given", "right", "precision",
				"recall");
		evaluation.perCategory()
			.forEach((category, score) -> out.printf(Locale.ROOT, "%-28s %8d %6d %6d %9.0f%% %6.0f%%%n", category.id(),
					score.labelled(), score.given(), score.right(), 100 * score.precision(), 100 * score.recall()));
		if (evaluation.misses().isEmpty()) {
			return;
		}
		out.println();
		out.println("confusions (label → verdict):");
		evaluation.confusions().forEach((pair, count) -> out.printf(Locale.ROOT, "  %3d  %s%n", count, pair));
		out.println();
		out.println("misses:");
		for (Result miss : evaluation.misses()) {
			out.printf(Locale.ROOT, "  %s%n      label %s, ranked %s, patterns %s%s%n", miss.log().file(),
					miss.log().label().id(), miss.ranked().stream().map((category) -> category.id()).toList(),
					miss.patterns().isEmpty() ? "-" : String.join(", ", miss.patterns()),
					miss.top3() ? " (top-3)" : "");
		}
	}

	private static String percent(double share, int size) {
		return String.format(Locale.ROOT, "%.1f %% (%d)", 100 * share, Math.round(share * size));
	}

}
