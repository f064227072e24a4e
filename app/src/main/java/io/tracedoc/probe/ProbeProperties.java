package io.tracedoc.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service asks the live clusters, read-only, whether a diagnosis holds.
 *
 * @param enabled {@code false} turns the probes off: every check then says NOT_CHECKED
 * with that reason
 * @param budget how long the whole probe phase of one diagnosis may take; checks without
 * an answer by then say NOT_CHECKED
 * @param requestTimeout how long one API request (or one TCP connect of the reachability
 * probe) may take
 * @param clusters the clusters by name; when none is configured, tracedoc uses the pod's
 * own service account when it runs in a pod, else {@code KUBECONFIG} or
 * {@code ~/.kube/config}, else checks nothing
 * @param defaultCluster the cluster for a job whose runner no route names; optional when
 * only one cluster is configured
 * @param runners routes from a runner's description or name to the cluster its jobs run
 * in, tried in order
 */
@ConfigurationProperties("tracedoc.probes")
public record ProbeProperties(@DefaultValue("true") boolean enabled, @DefaultValue("3s") Duration budget,
		@DefaultValue("2s") Duration requestTimeout, Map<String, Cluster> clusters, String defaultCluster,
		List<RunnerRoute> runners) {

	public ProbeProperties {
		clusters = (clusters != null) ? Map.copyOf(clusters) : Map.of();
		runners = (runners != null) ? List.copyOf(runners) : List.of();
	}

	/**
	 * One cluster tracedoc may read.
	 *
	 * @param kubeconfig the kubeconfig file to use
	 * @param context the kubeconfig context; its current context when not set
	 * @param inCluster {@code true} to use the service account of the pod tracedoc runs
	 * in instead of a kubeconfig
	 */
	public record Cluster(Path kubeconfig, String context, @DefaultValue("false") boolean inCluster) {

	}

	/**
	 * Sends the jobs of matching runners to a cluster.
	 *
	 * @param match an RE2 regex found in the runner's description or name (from the job's
	 * context, else from the log's "on RUNNER" line)
	 * @param cluster the name of a configured cluster
	 */
	public record RunnerRoute(String match, String cluster) {

	}

}
