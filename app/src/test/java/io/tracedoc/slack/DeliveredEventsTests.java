package io.tracedoc.slack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeliveredEvents}.
 */
class DeliveredEventsTests {

	@Test
	void takesAnEventOnceAndForgetsTheOldestBeyondItsCapacity() {
		DeliveredEvents delivered = new DeliveredEvents(2);
		assertThat(delivered.firstDelivery("Ev1")).isTrue();
		assertThat(delivered.firstDelivery("Ev1")).isFalse();
		assertThat(delivered.firstDelivery("Ev2")).isTrue();
		assertThat(delivered.firstDelivery("Ev3")).isTrue();
		assertThat(delivered.firstDelivery("Ev2")).isFalse();
		assertThat(delivered.firstDelivery("Ev1")).as("forgotten: the oldest of three").isTrue();
	}

	@Test
	void takesEveryPayloadWithoutAnId() {
		DeliveredEvents delivered = new DeliveredEvents(2);
		assertThat(delivered.firstDelivery(null)).isTrue();
		assertThat(delivered.firstDelivery(null)).isTrue();
	}

}
