package io.tracedoc.cli;

import java.nio.file.Path;
import java.time.Duration;

import io.tracedoc.diagnosis.Probing;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.probe.ClusterProbing;
import io.tracedoc.probe.ClusterTarget;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that decide which cluster {@code tracedoc diagnose} probes: a kubeconfig
 * (and context) named on the command line, else the one kubectl would use, else none.
 */
final class ProbeOptions {

	@Option(names = "--kubeconfig", paramLabel = "FILE",
			description = "probe the cluster of this kubeconfig (default: KUBECONFIG, else ~/.kube/config, else the pod's service account)")
	private Path kubeconfig;

	@Option(names = "--context", paramLabel = "NAME",
			description = "the kubeconfig context (default: its current context)")
	private String context;

	@Option(names = "--no-probes", description = "do not ask any cluster; every check says NOT_CHECKED")
	private boolean off;

	@Option(names = "--probe-budget", paramLabel = "DURATION", defaultValue = "3s", converter = DurationConverter.class,
			description = "how long the probes may take in all, each request as long (default: ${DEFAULT-VALUE}; 500ms, 10s)")
	private Duration budget;

	/**
	 * @param catalog the patterns, for the fixes the probes render again
	 * @return the probe phase; close it when it is a {@link ClusterProbing}
	 * @throws UnreadableInputException when the kubeconfig or context named cannot be
	 * used
	 */
	Probing probing(PatternCatalog catalog) {
		if (this.off) {
			return Probing.none("probes are off (--no-probes)");
		}
		ClusterTarget target = (this.kubeconfig != null)
				? new ClusterTarget("kubeconfig", this.kubeconfig, this.context, false)
				: ClusterTarget.detect(System::getenv, Path.of(System.getProperty("user.home")))
					.map((found) -> found.inCluster() ? found
							: new ClusterTarget(found.name(), found.kubeconfig(), this.context, false))
					.orElse(null);
		if (target == null) {
			return Probing.none("no cluster to probe: pass --kubeconfig, set KUBECONFIG or create ~/.kube/config");
		}
		if (target.inCluster() && this.context != null) {
			throw new UnreadableInputException(
					"--context needs a kubeconfig; in a pod tracedoc uses its service account", null);
		}
		try {
			target.check();
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableInputException(ex.getMessage(), ex);
		}
		return ClusterProbing.of(target, catalog, this.budget, this.budget);
	}

	/** {@code 500ms}, {@code 3s}, {@code 1m}. */
	static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

		private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("([0-9]{1,6})(ms|s|m)");

		@Override
		public Duration convert(String value) {
			java.util.regex.Matcher matcher = FORM.matcher(value.strip());
			if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
				throw new CommandLine.TypeConversionException("'" + value + "' is no duration such as 500ms, 3s or 1m");
			}
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				default -> Duration.ofMinutes(amount);
			};
		}

	}

}
