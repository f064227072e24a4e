package io.tracedoc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.tracedoc.gitlab.WebhookBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tracedoc bench webhook}: how many failed-job events the GitLab webhook accepts
 * per second, durably, compared with reading them alone and with redeliveries.
 */
@Command(name = "webhook", mixinStandardHelpOptions = true,
		description = "Measures the GitLab webhook's acceptance rate (events/s): reading job events with gitlab4j, "
				+ "with the durable queue write before the 202, and for redelivered events.")
final class BenchWebhookCommand implements Callable<Integer> {

	@Option(names = "--events", defaultValue = "5000", paramLabel = "N",
			description = "distinct failed-job events (default: ${DEFAULT-VALUE})")
	private int events;

	@Option(names = "--directory", paramLabel = "DIR",
			description = "where the queue is written (default: a temporary directory under ./data, "
					+ "on the disk the service uses)")
	private Path directory;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (this.events < 1) {
			throw new ParameterException(this.spec.commandLine(), "--events must be at least 1");
		}
		Path root = (this.directory != null) ? Files.createDirectories(this.directory)
				: Files.createTempDirectory(Files.createDirectories(Path.of("data")), "bench-webhook");
		try {
			WebhookBenchmark.run(this.spec.commandLine().getOut(), this.events, root);
		}
		finally {
			if (this.directory == null) {
				Files.deleteIfExists(root);
			}
		}
		return ExitCodes.DONE;
	}

}
