package io.tracedoc.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that stands still until it is set or moved: the benchmarks spread synthetic
 * diagnoses over time with it, and the tests cross time windows without waiting.
 */
public final class ManualClock extends Clock {

	private volatile Instant now;

	/**
	 * @param now the time it says until it is moved
	 */
	public ManualClock(Instant now) {
		this.now = now;
	}

	/**
	 * @param instant the time it says from now on
	 */
	public void set(Instant instant) {
		this.now = instant;
	}

	/**
	 * @param duration how far to move it forward
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
