package io.tracedoc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.DiagnosisJson;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.Probing;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.trace.TraceListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tracedoc diagnose FILE... [--json] [--kubeconfig FILE] [--context NAME]
 * [--no-probes]}: why each job failed and how to fix it, checked against the cluster when
 * there is one.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
		description = "Names the root cause of each failed job log, with the lines that prove it and the fix,%n"
				+ "and checks it read-only against the cluster of your kubeconfig when there is one.%n"
				+ "Exit status: 0 when every log was diagnosed (even as unknown), 2 when one could not be read.")
final class DiagnoseCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "job logs, or - for standard input")
	private List<String> files;

	@Option(names = "--json",
			description = "print the Diagnosis JSON (an array of {file, diagnosis} for several files)")
	private boolean json;

	@Mixin
	private PatternOptions patterns;

	@Mixin
	private ProbeOptions probes;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PatternCatalog catalog = this.patterns.load();
		DiagnosisEngine engine = new DiagnosisEngine(catalog);
		Probing probing = this.probes.probing(catalog);
		try {
			PrintWriter out = this.spec.commandLine().getOut();
			List<FileDiagnosis> results = new ArrayList<>();
			for (String file : this.files) {
				Diagnosis diagnosis = probing
					.confirm(LogInput.read(file, (in) -> engine.diagnose(in, new TraceListener() {
					})), JobContext.of(JobContext.Source.CLI));
				if (this.json) {
					results.add(new FileDiagnosis(file, diagnosis));
				}
				else {
					if (this.files.size() > 1) {
						out.println("== " + file);
					}
					out.print(DiagnosisReport.render(diagnosis));
					out.println();
				}
			}
			if (this.json) {
				out.println(DiagnosisJson.toJson((results.size() == 1) ? results.get(0).diagnosis() : results));
			}
			return ExitCodes.DONE;
		}
		finally {
			if (probing instanceof AutoCloseable cluster) {
				cluster.close();
			}
		}
	}

	/**
	 * One file's diagnosis, in the JSON for several files.
	 *
	 * @param file the file as named on the command line
	 * @param diagnosis its diagnosis
	 */
	record FileDiagnosis(String file, Diagnosis diagnosis) {

	}

}
