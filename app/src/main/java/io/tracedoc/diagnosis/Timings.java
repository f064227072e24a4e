package io.tracedoc.diagnosis;

/**
 * Where the time of a diagnosis went.
 *
 * @param parseAndMatchMillis reading the log and applying every pattern, in one pass
 * @param probeMillis the cluster probes, after the deterministic diagnosis
 * @param totalMillis everything
 */
public record Timings(long parseAndMatchMillis, long probeMillis, long totalMillis) {

	/**
	 * @param millis how long the probes took
	 * @return these timings with the probes added
	 */
	public Timings withProbes(long millis) {
		return new Timings(this.parseAndMatchMillis, millis, this.totalMillis + millis);
	}

}
