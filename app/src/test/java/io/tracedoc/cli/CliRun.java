package io.tracedoc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line, with what it printed.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exitCode, String out, String err) {

	static CliRun of(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = TracedocCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
		return new CliRun(exitCode, out.toString(), err.toString());
	}

}
