package io.tracedoc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tracedoc bench history}: indexing rate, index size and query latency of the
 * history at a million diagnoses.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = "Fills a Lucene history on a real directory with synthetic diagnoses and reports the indexing "
				+ "rate (diagnoses/s), durable acknowledgements/s, the index size, the latency (median, p99) of a "
				+ "similar-failure query and of a faceted stats query at that size, and the index cost of a large log.")
final class BenchHistoryCommand implements Callable<Integer> {

	@Option(names = "--count", defaultValue = "1000000", paramLabel = "N",
			description = "diagnoses to index (default: ${DEFAULT-VALUE})")
	private int count;

	@Option(names = "--templates", defaultValue = "400", paramLabel = "N",
			description = "distinct logs diagnosed by the engine and replayed (default: ${DEFAULT-VALUE})")
	private int templates;

	@Option(names = "--queries", defaultValue = "200", paramLabel = "N",
			description = "timed queries of each kind after a warm-up (default: ${DEFAULT-VALUE})")
	private int queries;

	@Option(names = "--durable-count", defaultValue = "200", paramLabel = "N",
			description = "diagnoses stored one at a time with a commit each (default: ${DEFAULT-VALUE})")
	private int durableCount;

	@Option(names = "--log-mb", defaultValue = "100", paramLabel = "MB",
			description = "size of the synthetic log whose index cost is measured (default: ${DEFAULT-VALUE})")
	private int logMegabytes;

	@Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
	private long seed;

	@Option(names = "--directory", paramLabel = "DIR",
			description = "where to build the indexes, kept afterwards (default: a temporary directory, deleted)")
	private Path directory;

	@Mixin
	private PatternOptions patterns;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (this.count < 1 || this.templates < 10 || this.queries < 1 || this.durableCount < 1
				|| this.logMegabytes < 1) {
			throw new ParameterException(this.spec.commandLine(),
					"--count, --queries, --durable-count and --log-mb must be at least 1, --templates at least 10");
		}
		new HistoryBenchmark(this.spec.commandLine().getOut(), this.count, this.templates, this.queries,
				this.durableCount, this.logMegabytes, this.seed, this.directory)
			.run(this.patterns.load());
		return ExitCodes.DONE;
	}

}
