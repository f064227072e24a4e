package io.tracedoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code tracedoc diagnose --json} prints, for tests elsewhere that hold another
 * output to the same contract.
 */
public final class CliJson {

	private CliJson() {
	}

	/**
	 * @param file a job log
	 * @return the Diagnosis JSON the command line prints for it
	 */
	public static String diagnose(String file) {
		CliRun run = CliRun.of("diagnose", file, "--json");
		assertThat(run.exitCode()).as(run.err()).isZero();
		return run.out();
	}

}
