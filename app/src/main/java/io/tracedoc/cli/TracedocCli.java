package io.tracedoc.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line tools in the service's jar. None of them starts Spring.
 */
@Command(name = "tracedoc", mixinStandardHelpOptions = true, versionProvider = TracedocCli.Version.class,
		description = "Tells why a GitLab CI job failed and how to fix it.%n"
				+ "Without a command (or with `serve`) the web service starts.",
		subcommands = { ParseCommand.class, DiagnoseCommand.class, CoverageCommand.class, EvalCommand.class,
				BenchCommand.class })
public final class TracedocCli {

	private static final Set<String> SERVER_COMMANDS = Set.of("serve");

	private TracedocCli() {
	}

	/**
	 * @param args the jar's arguments
	 * @return {@code true} when they name a command line tool rather than the service
	 */
	public static boolean handles(String[] args) {
		if (args.length == 0) {
			return false;
		}
		String first = args[0];
		return !SERVER_COMMANDS.contains(first) && !first.startsWith("--spring") && !first.startsWith("--server")
				&& !first.startsWith("--tracedoc") && !first.startsWith("--management");
	}

	/**
	 * @param args the jar's arguments
	 * @return the arguments to hand to Spring: without the {@code serve} command
	 */
	public static String[] serverArguments(String[] args) {
		return (args.length > 0 && SERVER_COMMANDS.contains(args[0])) ? Arrays.copyOfRange(args, 1, args.length) : args;
	}

	/**
	 * Runs a command line tool.
	 * @param args the jar's arguments
	 * @return the exit code: 0 done, 2 unreadable input or bad usage
	 */
	public static int run(String[] args) {
		PrintWriter out = new PrintWriter(System.out, true);
		PrintWriter err = new PrintWriter(System.err, true);
		try {
			return commandLine(out, err).execute(args);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	static CommandLine commandLine(PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(TracedocCli.class);
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			if (ex instanceof UnreadableInputException) {
				line.getErr().println("tracedoc: " + ex.getMessage());
				return ExitCodes.UNREADABLE_INPUT;
			}
			throw ex;
		});
		commandLine.setParameterExceptionHandler((ex, arguments) -> {
			ex.getCommandLine().getErr().println("tracedoc: " + ex.getMessage());
			ex.getCommandLine().usage(ex.getCommandLine().getErr());
			return ExitCodes.UNREADABLE_INPUT;
		});
		return commandLine;
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = TracedocCli.class.getPackage().getImplementationVersion();
			return new String[] { "tracedoc " + ((version != null) ? version : "development build") };
		}

	}

}
