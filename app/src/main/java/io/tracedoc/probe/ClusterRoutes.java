package io.tracedoc.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.TraceFacts;

/**
 * Which cluster a diagnosis asks: the one the job's context names, else the first whose
 * route matches the runner (its description from the context, else the name in the log),
 * else the default cluster.
 */
final class ClusterRoutes {

	private final Map<String, ClusterTarget> clusters;

	private final String defaultCluster;

	private final List<Route> routes;

	ClusterRoutes(Map<String, ClusterTarget> clusters, String defaultCluster, List<Route> routes) {
		this.clusters = Map.copyOf(clusters);
		this.defaultCluster = defaultCluster;
		this.routes = List.copyOf(routes);
	}

	/**
	 * @param target the one cluster every diagnosis asks
	 * @return routes to it alone
	 */
	static ClusterRoutes only(ClusterTarget target) {
		return new ClusterRoutes(Map.of(target.name(), target), target.name(), List.of());
	}

	/**
	 * Reads and checks the configuration; with no cluster configured, finds one the way
	 * kubectl would.
	 * @param properties the configuration
	 * @param environment reads an environment variable
	 * @param home the user's home directory
	 * @return the routes, empty when there is no cluster at all
	 * @throws IllegalStateException naming the property that is wrong
	 */
	static ClusterRoutes of(ProbeProperties properties, UnaryOperator<String> environment, Path home) {
		Map<String, ClusterTarget> clusters = new LinkedHashMap<>();
		properties.clusters().forEach((name, cluster) -> {
			ClusterTarget target = new ClusterTarget(name, cluster.kubeconfig(), cluster.context(),
					cluster.inCluster());
			try {
				target.check();
			}
			catch (IllegalArgumentException ex) {
				// the message says it all; the property comes first
				throw new IllegalStateException("tracedoc.probes.clusters." + name + ": " + ex.getMessage());
			}
			clusters.put(name, target);
		});
		if (clusters.isEmpty()) {
			ClusterTarget.detect(environment, home).ifPresent((target) -> clusters.put(target.name(), target));
			for (ClusterTarget found : clusters.values()) {
				try {
					found.check();
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException(
							"tracedoc.probes: no cluster is configured, and the one found by "
									+ "KUBECONFIG or ~/.kube/config is unusable: " + ex.getMessage()
									+ " (configure tracedoc.probes.clusters, or set tracedoc.probes.enabled=false)",
							ex);
				}
			}
		}
		String defaultCluster = properties.defaultCluster();
		if (defaultCluster != null && !clusters.containsKey(defaultCluster)) {
			throw new IllegalStateException("tracedoc.probes.default-cluster: \"" + defaultCluster
					+ "\" is not configured under tracedoc.probes.clusters (" + names(clusters) + ")");
		}
		if (defaultCluster == null && clusters.size() == 1) {
			defaultCluster = clusters.keySet().iterator().next();
		}
		List<Route> routes = new ArrayList<>();
		for (int i = 0; i < properties.runners().size(); i++) {
			ProbeProperties.RunnerRoute route = properties.runners().get(i);
			String at = "tracedoc.probes.runners[" + i + "]";
			if (route.match() == null || route.cluster() == null) {
				throw new IllegalStateException(at + ": set both match (a regex) and cluster");
			}
			if (!clusters.containsKey(route.cluster())) {
				throw new IllegalStateException(at + ".cluster: \"" + route.cluster()
						+ "\" is not configured under tracedoc.probes.clusters (" + names(clusters) + ")");
			}
			try {
				routes.add(new Route(Pattern.compile(route.match()), route.cluster()));
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalStateException(at + ".match: not an RE2 regex: " + ex.getMessage());
			}
		}
		return new ClusterRoutes(clusters, defaultCluster, routes);
	}

	boolean isEmpty() {
		return this.clusters.isEmpty();
	}

	/**
	 * @param context the job, as the caller knows it
	 * @param trace facts from the log
	 * @return the cluster to ask, or why there is none
	 */
	Selection select(JobContext context, TraceFacts trace) {
		if (context.cluster() != null) {
			ClusterTarget target = this.clusters.get(context.cluster());
			return (target != null) ? new Selection(target, null) : new Selection(null, "cluster \"" + context.cluster()
					+ "\" is not configured under tracedoc.probes.clusters (" + names(this.clusters) + ")");
		}
		List<String> runners = new ArrayList<>();
		Optional.ofNullable(context.runner()).ifPresent(runners::add);
		Optional.ofNullable(trace.runner().name()).ifPresent(runners::add);
		for (String runner : runners) {
			for (Route route : this.routes) {
				if (route.match().matcher(runner).find()) {
					return new Selection(this.clusters.get(route.cluster()), null);
				}
			}
		}
		if (this.defaultCluster != null) {
			return new Selection(this.clusters.get(this.defaultCluster), null);
		}
		return new Selection(null,
				(runners.isEmpty() ? "the job does not name its runner"
						: "runner " + String.join(" / ", runners) + " matches no route of tracedoc.probes.runners")
						+ ", and no tracedoc.probes.default-cluster is set");
	}

	private static String names(Map<String, ClusterTarget> clusters) {
		return clusters.isEmpty() ? "none" : String.join(", ", new TreeSet<>(clusters.keySet()));
	}

	/**
	 * @param match found in the runner's description or name
	 * @param cluster the cluster its jobs run in
	 */
	record Route(Pattern match, String cluster) {

	}

	/**
	 * @param target the cluster to ask, or {@code null}
	 * @param reason why there is none
	 */
	record Selection(ClusterTarget target, String reason) {

	}

}
