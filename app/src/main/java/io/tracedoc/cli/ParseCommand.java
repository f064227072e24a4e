package io.tracedoc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.tracedoc.trace.JobTrace;
import io.tracedoc.trace.TraceJson;
import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tracedoc parse FILE [--json]}: shows the trace model of a job log.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
		description = "Parses a job log (raw, timestamped, copied from the web UI, or stripped of escapes) "
				+ "and prints its trace model.")
final class ParseCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", description = "the job log, or - for standard input")
	private String file;

	@Option(names = "--json", description = "print the whole model as JSON, lines included")
	private boolean json;

	@Option(names = "--lines", description = "also print every line with its number and section")
	private boolean lines;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		JobTrace trace = LogInput.read(this.file, TraceParser::parse);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.json) {
			out.println(TraceJson.toJson(trace));
			return ExitCodes.DONE;
		}
		out.print(TraceReport.render(trace.summary()));
		if (this.lines) {
			out.println();
			for (TraceLine line : trace.lines()) {
				String section = line.inSection() ? trace.summary().section(line.section()).name() : "-";
				out.printf("%6d  %-24s %s%n", line.number(), section, line.text());
			}
		}
		return ExitCodes.DONE;
	}

}
