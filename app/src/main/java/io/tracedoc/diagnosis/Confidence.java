package io.tracedoc.diagnosis;

import java.util.List;

import io.tracedoc.pattern.FailurePattern.Level;

/**
 * How sure the engine is of a finding, derived from signals in the log and the cluster,
 * each named with its weight so a reader can see why.
 *
 * @param score between 0.05 and 0.99: the pattern's base plus the signals' weights
 * @param level {@code HIGH} from 0.75, {@code MEDIUM} from 0.5, else {@code LOW}
 * @param signals what counted
 */
public record Confidence(double score, Level level, List<Signal> signals) {

	public Confidence {
		signals = List.copyOf(signals);
	}

	/**
	 * @param signals the signals, the pattern's base among them
	 * @return the confidence they add up to
	 */
	public static Confidence of(List<Signal> signals) {
		double sum = 0;
		for (Signal signal : signals) {
			sum += signal.weight();
		}
		double score = Math.round(Math.max(0.05, Math.min(0.99, sum)) * 100) / 100.0;
		Level level = (score >= 0.75) ? Level.HIGH : (score >= 0.5) ? Level.MEDIUM : Level.LOW;
		return new Confidence(score, level, signals);
	}

	/**
	 * @param signal another signal
	 * @return the confidence with the signal added
	 */
	public Confidence with(Signal signal) {
		List<Signal> more = new java.util.ArrayList<>(this.signals);
		more.add(signal);
		return of(more);
	}

	/**
	 * One thing that raised or lowered the confidence.
	 *
	 * @param name a stable id ({@code final-error}, {@code outside-failing-section},
	 * {@code probe-confirmed} ...)
	 * @param weight what it adds (negative: takes away)
	 * @param detail the sentence a reader sees
	 */
	public record Signal(String name, double weight, String detail) {

	}

}
