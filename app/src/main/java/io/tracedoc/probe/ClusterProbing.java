package io.tracedoc.probe;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.Probing;
import io.tracedoc.diagnosis.Redactor;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.probe.ProbePhase.CheckKey;
import io.tracedoc.probe.ProbePhase.Outcome;

/**
 * The probe phase against live clusters: picks the cluster the job's runner maps to, runs
 * every check of every finding there at once within the budget, and folds the results
 * into the diagnosis. A cluster's client is made on first use and kept; nothing connects
 * when no finding has a check.
 */
public final class ClusterProbing implements Probing, AutoCloseable {

	private final ClusterRoutes routes;

	private final ProbeRegistry registry;

	private final PatternCatalog catalog;

	private final Duration budget;

	private final Function<ClusterTarget, KubernetesClient> connector;

	private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();

	ClusterProbing(ClusterRoutes routes, ProbeRegistry registry, PatternCatalog catalog, Duration budget,
			Function<ClusterTarget, KubernetesClient> connector) {
		this.routes = routes;
		this.registry = registry;
		this.catalog = catalog;
		this.budget = budget;
		this.connector = connector;
	}

	/**
	 * Probes one cluster for every diagnosis (the command line).
	 * @param target the cluster
	 * @param catalog the patterns, for their fixes
	 * @param budget how long the probe phase may take
	 * @param requestTimeout how long one request may take
	 * @return the probe phase
	 */
	public static ClusterProbing of(ClusterTarget target, PatternCatalog catalog, Duration budget,
			Duration requestTimeout) {
		return new ClusterProbing(ClusterRoutes.only(target), ProbeRegistry.standard(Network.system(), requestTimeout),
				catalog, budget, (cluster) -> cluster.connect(requestTimeout));
	}

	/**
	 * Every distinct check of every finding, each run once however many findings ask it.
	 */
	private static Set<CheckKey> checks(Diagnosis diagnosis) {
		Set<CheckKey> checks = new LinkedHashSet<>();
		for (Finding finding : diagnosis.findings()) {
			for (ProbeCheck check : finding.probes()) {
				checks.add(new CheckKey(check.probe(), check.arguments()));
			}
		}
		return checks;
	}

	@Override
	public Diagnosis confirm(Diagnosis diagnosis, JobContext context) {
		long started = System.nanoTime();
		if (checks(diagnosis).isEmpty()) {
			return diagnosis;
		}
		ClusterRoutes.Selection selection = this.routes.select(context, diagnosis.trace());
		if (selection.target() == null) {
			return Probing.none(selection.reason()).confirm(diagnosis, context);
		}
		KubernetesClient client;
		try {
			client = this.clients.computeIfAbsent(selection.target().name(),
					(name) -> this.connector.apply(selection.target()));
		}
		catch (KubernetesClientException | IllegalArgumentException ex) {
			return Probing
				.none("tracedoc cannot use cluster " + selection.target().describe() + ": "
						+ Redactor.redactValue(String.valueOf(ex.getMessage())))
				.confirm(diagnosis, context);
		}
		return probe(diagnosis, new FabricClusterView(client), this.registry, this.catalog, this.budget, started);
	}

	/**
	 * Runs every check of every finding against one view of a cluster and folds the
	 * results into the diagnosis.
	 * @param diagnosis the diagnosis from the log
	 * @param cluster the read-only view
	 * @param registry the probes
	 * @param catalog the patterns, for their fixes
	 * @param budget how long the probe phase may take
	 * @param started {@link System#nanoTime()} when the probe phase started
	 * @return the diagnosis with the probes' results
	 */
	static Diagnosis probe(Diagnosis diagnosis, ClusterView cluster, ProbeRegistry registry, PatternCatalog catalog,
			Duration budget, long started) {
		Map<CheckKey, Outcome> outcomes = ProbePhase.run(checks(diagnosis), registry, cluster,
				started + budget.toNanos(), budget);
		long millis = (System.nanoTime() - started) / 1_000_000;
		return ProbeResults.apply(diagnosis, (check) -> {
			Outcome outcome = outcomes.get(new CheckKey(check.probe(), check.arguments()));
			return (outcome.observation() != null) ? Expectations.judge(check, outcome.observation())
					: Expectations.notChecked(check, outcome.reason());
		}, catalog, millis);
	}

	@Override
	public void close() {
		this.clients.values().forEach(KubernetesClient::close);
		this.clients.clear();
	}

}
