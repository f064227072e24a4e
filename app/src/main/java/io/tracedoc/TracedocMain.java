package io.tracedoc;

import io.tracedoc.cli.TracedocCli;

/**
 * The jar's entry point. {@code tracedoc parse|diagnose|coverage|bench ...} runs a
 * command line tool without starting Spring (so it answers in a fraction of a second);
 * {@code tracedoc serve}, or no command at all, starts the service.
 */
public final class TracedocMain {

	private TracedocMain() {
	}

	public static void main(String[] args) {
		if (TracedocCli.handles(args)) {
			System.exit(TracedocCli.run(args));
		}
		TracedocApplication.start(TracedocCli.serverArguments(args));
	}

}
