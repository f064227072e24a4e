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
	 * @return the Diagnosis JSON the command line prints for it, with no cluster asked
	 * (whatever kubeconfig the machine has)
	 */
	public static String diagnose(String file) {
		CliRun run = CliRun.of("diagnose", file, "--json", "--no-probes");
		assertThat(run.exitCode()).as(run.err()).isZero();
		return run.out();
	}

}
