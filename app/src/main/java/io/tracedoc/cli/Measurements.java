package io.tracedoc.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.List;

/**
 * How the benchmarks measure: medians of timed rounds, and peak heap.
 */
final class Measurements {

	private Measurements() {
	}

	/**
	 * Runs {@code work} untimed {@code warmupRounds} times, then times it
	 * {@code timedRounds} times, each after a {@link System#gc()} so that no round pays
	 * for an earlier one's garbage.
	 * @return the median seconds of the timed rounds
	 */
	static double medianSeconds(int warmupRounds, int timedRounds, Work work) throws Exception {
		for (int round = 0; round < warmupRounds; round++) {
			Reference.reachabilityFence(work.run());
		}
		double[] seconds = new double[timedRounds];
		for (int round = 0; round < timedRounds; round++) {
			System.gc();
			long start = System.nanoTime();
			Reference.reachabilityFence(work.run());
			seconds[round] = (System.nanoTime() - start) / 1e9;
		}
		return median(seconds);
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * The sum of the heap pools' peak usage while {@code work} runs, after a
	 * {@link System#gc()} and a reset of the peaks. The peak includes garbage the
	 * collector had not yet reclaimed; the result stays reachable until it is measured.
	 * @return bytes
	 */
	static long peakHeap(Work work) throws Exception {
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP && pool.isValid())
			.toList();
		System.gc();
		pools.forEach(MemoryPoolMXBean::resetPeakUsage);
		Object result = work.run();
		long peak = pools.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		Reference.reachabilityFence(result);
		return peak;
	}

	/** Something to measure; what it returns is kept reachable while it is measured. */
	@FunctionalInterface
	interface Work {

		Object run() throws Exception;

	}

}
