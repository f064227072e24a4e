package io.tracedoc.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the Slack events already taken, so that Slack's retry of an event whose
 * answer it did not see in time is not answered twice, while a retry of an event whose
 * first delivery never arrived still is. Holds the latest ids only: Slack retries within
 * minutes.
 */
final class DeliveredEvents {

	private final Map<String, Boolean> seen;

	/**
	 * @param capacity how many of the latest event ids to remember
	 */
	DeliveredEvents(int capacity) {
		this.seen = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * @param eventId Slack's {@code event_id}, or {@code null} when the payload has none
	 * @return {@code true} the first time an id is offered (and always without an id)
	 */
	synchronized boolean firstDelivery(String eventId) {
		return eventId == null || this.seen.putIfAbsent(eventId, Boolean.TRUE) == null;
	}

}
