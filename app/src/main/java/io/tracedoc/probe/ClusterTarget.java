package io.tracedoc.probe;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;

/**
 * A cluster tracedoc can read: a kubeconfig file (with a context), or the service account
 * of the pod tracedoc runs in.
 *
 * @param name the cluster's name in the configuration
 * @param kubeconfig the kubeconfig file, {@code null} in cluster
 * @param context the kubeconfig context, {@code null} for its current context
 * @param inCluster {@code true} to use the pod's service account
 */
public record ClusterTarget(String name, Path kubeconfig, String context, boolean inCluster) {

	private static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

	/**
	 * Finds a cluster without configuration, as kubectl would: the pod's service account
	 * when tracedoc runs in a pod, else the first file of {@code KUBECONFIG}, else
	 * {@code ~/.kube/config}.
	 * @param environment reads an environment variable ({@code System::getenv})
	 * @param home the user's home directory
	 * @return the cluster, or empty when there is none
	 */
	public static Optional<ClusterTarget> detect(UnaryOperator<String> environment, Path home) {
		return detect(environment, home, SERVICE_ACCOUNT_TOKEN);
	}

	static Optional<ClusterTarget> detect(UnaryOperator<String> environment, Path home, Path serviceAccountToken) {
		String serviceHost = environment.apply("KUBERNETES_SERVICE_HOST");
		if (serviceHost != null && !serviceHost.isBlank() && Files.isReadable(serviceAccountToken)) {
			return Optional.of(new ClusterTarget("in-cluster", null, null, true));
		}
		String kubeconfig = environment.apply("KUBECONFIG");
		if (kubeconfig != null) {
			for (String file : kubeconfig.split(File.pathSeparator)) {
				if (!file.isBlank() && Files.isRegularFile(Path.of(file))) {
					return Optional.of(new ClusterTarget("kubeconfig", Path.of(file), null, false));
				}
			}
		}
		Path fallback = home.resolve(".kube").resolve("config");
		return Files.isRegularFile(fallback) ? Optional.of(new ClusterTarget("kubeconfig", fallback, null, false))
				: Optional.empty();
	}

	/**
	 * Checks what can be checked without the network: the kubeconfig is readable and has
	 * the context.
	 * @throws IllegalArgumentException with the problem, naming the file and context
	 */
	public void check() {
		if (this.inCluster) {
			if (this.kubeconfig != null) {
				throw new IllegalArgumentException("set either in-cluster or a kubeconfig, not both");
			}
			return;
		}
		if (this.kubeconfig == null) {
			throw new IllegalArgumentException("set a kubeconfig file, or in-cluster: true");
		}
		if (!Files.isReadable(this.kubeconfig) || !Files.isRegularFile(this.kubeconfig)) {
			throw new IllegalArgumentException("kubeconfig " + this.kubeconfig + " is not a readable file");
		}
		io.fabric8.kubernetes.api.model.Config parsed;
		try {
			parsed = KubeConfigUtils.parseConfig(this.kubeconfig.toFile());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("kubeconfig " + this.kubeconfig + " cannot be read: " + ex.getMessage(),
					ex);
		}
		if (this.context != null
				&& parsed.getContexts().stream().map(NamedContext::getName).noneMatch(this.context::equals)) {
			throw new IllegalArgumentException("kubeconfig " + this.kubeconfig + " has no context \"" + this.context
					+ "\" (it has: "
					+ String.join(", ", parsed.getContexts().stream().map(NamedContext::getName).toList()) + ")");
		}
	}

	/**
	 * @param requestTimeout how long one request may take (also the connect timeout); the
	 * client does not retry, the probe budget would not allow it
	 * @return a client for the cluster
	 */
	KubernetesClient connect(Duration requestTimeout) {
		Config config = this.inCluster ? Config.autoConfigure(null)
				: Config.fromKubeconfig(this.context, this.kubeconfig.toFile());
		int millis = (int) requestTimeout.toMillis();
		config.setRequestTimeout(millis);
		config.setConnectionTimeout(millis);
		config.setRequestRetryBackoffLimit(0);
		return new KubernetesClientBuilder().withConfig(config).build();
	}

	/**
	 * @return how to name the cluster to a user
	 */
	String describe() {
		return this.inCluster ? this.name + " (the pod's service account)" : this.name + " (" + this.kubeconfig
				+ ((this.context != null) ? ", context " + this.context : "") + ")";
	}

}
