package io.tracedoc.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tracedoc bench diagnose}: parse + diagnose throughput against a naive engine and
 * ripgrep, and how it scales from 100 to 1,000 patterns.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
		description = "Measures parse + diagnose throughput (MB/s) on a synthetic Kubernetes trace, compared in the "
				+ "same run with every pattern's java.util.regex on every line and with ripgrep (when rg is "
				+ "installed), and at 100 and 1,000 patterns. 1 MB = 1,000,000 bytes.")
final class BenchDiagnoseCommand implements Callable<Integer> {

	@Option(names = "--size-mb", defaultValue = "100", paramLabel = "MB",
			description = "size of the synthetic trace (default: ${DEFAULT-VALUE})")
	private int sizeMegabytes;

	@Option(names = "--naive-size-mb", defaultValue = "1", paramLabel = "MB",
			description = "how much of the trace the naive engine reads: it is slow, java.util.regex backtracks on "
					+ "long lines (default: ${DEFAULT-VALUE})")
	private double naiveMegabytes;

	@Option(names = "--iterations", defaultValue = "3", paramLabel = "ROUNDS",
			description = "timed rounds after one warm-up; the median is reported (default: ${DEFAULT-VALUE})")
	private int iterations;

	@Option(names = "--seed", defaultValue = "42", description = "random seed of the trace (default: ${DEFAULT-VALUE})")
	private long seed;

	@Option(names = "--pattern-counts", defaultValue = "100,1000", split = ",", paramLabel = "N,N",
			description = "library sizes to grow to with synthetic patterns (default: ${DEFAULT-VALUE})")
	private int[] patternCounts;

	@Mixin
	private PatternOptions patterns;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (this.sizeMegabytes < 1 || this.naiveMegabytes <= 0 || this.iterations < 1
				|| this.patternCounts.length < 2) {
			throw new ParameterException(this.spec.commandLine(),
					"--size-mb and --iterations must be at least 1, --naive-size-mb above 0; --pattern-counts needs two sizes");
		}
		new DiagnosisBenchmark(this.spec.commandLine().getOut(), this.sizeMegabytes, this.naiveMegabytes,
				this.iterations, this.seed, this.patternCounts)
			.run(this.patterns.load());
		return ExitCodes.DONE;
	}

}
