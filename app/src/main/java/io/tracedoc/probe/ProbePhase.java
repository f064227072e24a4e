package io.tracedoc.probe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.tracedoc.diagnosis.Redactor;

/**
 * Runs a diagnosis's checks against one cluster, each check once however many findings
 * name it, all at once (they only read), and waits no longer than the budget: a check
 * without an answer by then says so, and the diagnosis goes on without it.
 */
final class ProbePhase {

	private ProbePhase() {
	}

	/**
	 * @param checks the distinct checks
	 * @param registry the probes
	 * @param cluster the cluster to read
	 * @param deadline {@link System#nanoTime()} by which every answer must be in
	 * @param budget the budget, for the reason of a late check
	 * @return each check's outcome
	 */
	static Map<CheckKey, Outcome> run(Set<CheckKey> checks, ProbeRegistry registry, ClusterView cluster, long deadline,
			Duration budget) {
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		try {
			Map<CheckKey, Future<Outcome>> futures = new LinkedHashMap<>();
			for (CheckKey check : checks) {
				futures.put(check, executor.submit(() -> observe(check, registry, cluster)));
			}
			Map<CheckKey, Outcome> outcomes = new LinkedHashMap<>();
			futures.forEach((check, future) -> outcomes.put(check, await(future, deadline, budget)));
			return outcomes;
		}
		finally {
			// a request still hanging is abandoned; its client request timeout ends it
			executor.shutdownNow();
		}
	}

	private static Outcome observe(CheckKey check, ProbeRegistry registry, ClusterView cluster) {
		Probe probe = registry.find(check.probe()).orElse(null);
		if (probe == null) {
			return Outcome.notChecked("tracedoc implements no probe \"" + check.probe() + "\"");
		}
		try {
			return new Outcome(probe.observe(ProbeArguments.of(check.arguments()), cluster), null);
		}
		catch (NotCheckable ex) {
			return Outcome.notChecked(ex.getMessage());
		}
		catch (RuntimeException ex) {
			// a cluster object of an unexpected shape must not break the diagnosis
			return Outcome.notChecked("the probe failed on what the cluster returned: "
					+ Redactor.redactValue(String.valueOf(ex.getMessage())));
		}
	}

	private static Outcome await(Future<Outcome> future, long deadline, Duration budget) {
		try {
			return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return Outcome
				.notChecked("the cluster gave no answer within the probe budget of " + budget.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			return Outcome.notChecked("the probe phase was interrupted");
		}
		catch (ExecutionException ex) {
			return Outcome.notChecked("the probe failed: " + Redactor.redactValue(String.valueOf(ex.getCause())));
		}
	}

	/**
	 * One distinct check: a probe with its arguments.
	 *
	 * @param probe the probe id
	 * @param arguments the rendered arguments
	 */
	record CheckKey(String probe, Map<String, String> arguments) {

		CheckKey {
			arguments = Map.copyOf(arguments);
		}

	}

	/**
	 * What came of a check: an observation, or why there is none.
	 *
	 * @param observation what the probe saw, or {@code null}
	 * @param reason why nothing was observed, or {@code null}
	 */
	record Outcome(Observation observation, String reason) {

		static Outcome notChecked(String reason) {
			return new Outcome(null, reason);
		}

	}

}
