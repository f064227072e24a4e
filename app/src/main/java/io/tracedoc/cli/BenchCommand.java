package io.tracedoc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tracedoc bench ...}: benchmarks of tracedoc itself. Timings belong here, never
 * in tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures how fast tracedoc works.",
		subcommands = { BenchParseCommand.class, BenchDiagnoseCommand.class, BenchHistoryCommand.class,
				BenchWebhookCommand.class })
final class BenchCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter err = this.spec.commandLine().getErr();
		err.println("tracedoc: name a benchmark, for example: tracedoc bench parse");
		this.spec.commandLine().usage(err);
		return ExitCodes.UNREADABLE_INPUT;
	}

}
