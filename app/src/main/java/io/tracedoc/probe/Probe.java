package io.tracedoc.probe;

/**
 * One read-only check, declared in {@code patterns/schema/probes.yaml}: it observes the
 * fields declared there and says what it read. It gets a {@link ClusterView}, which can
 * read but not create, change or delete, so no probe can alter the cluster. Whether the
 * observation confirms or rules out a finding is decided by comparing it with the
 * pattern's {@code expect} ({@link Expectations}), not by the probe.
 */
interface Probe {

	/**
	 * @return the probe id from {@code probes.yaml}
	 */
	String id();

	/**
	 * @param arguments the arguments rendered from the log
	 * @param cluster the read-only view of the cluster
	 * @return what was observed
	 * @throws NotCheckable when the probe cannot tell, with the reason
	 */
	Observation observe(ProbeArguments arguments, ClusterView cluster);

}
