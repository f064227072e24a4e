package io.tracedoc.probe;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * The build pod's Warning events (FailedScheduling, Failed to pull image, FailedMount,
 * Evicted, Killing ...). Events outlive the pod (an hour by default), so they are often
 * the only trace left; when the pod and every event of it are gone, the probe says so
 * rather than claim there were no warnings.
 */
final class PodEventsProbe implements Probe {

	private static final int MAX_EVIDENCE = 20;

	@Override
	public String id() {
		return "pod-events";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String namespace = arguments.required("namespace", "the job namespace");
		String pod = arguments.required("pod", "the build pod");
		Optional<String> reason = arguments.optional("reason");
		List<Event> events = cluster.list(Event.class, namespace, java.util.Map.of(), "involvedObject.name=" + pod)
			.stream()
			.filter((event) -> event.getInvolvedObject() != null && pod.equals(event.getInvolvedObject().getName())
					&& "Pod".equals(event.getInvolvedObject().getKind()))
			.sorted(Comparator.comparing(PodEventsProbe::time))
			.toList();
		if (events.isEmpty() && cluster.get(Pod.class, namespace, pod).isEmpty()) {
			throw new NotCheckable("Pod " + namespace + "/" + pod
					+ " and its events are gone (events expire after an hour by default), so its warnings cannot be read any more");
		}
		List<Event> warnings = events.stream().filter((event) -> "Warning".equals(event.getType())).toList();
		Set<String> reasons = new LinkedHashSet<>();
		Set<String> messages = new LinkedHashSet<>();
		Observation.Builder observation = new Observation.Builder();
		for (Event event : warnings) {
			reasons.add(event.getReason());
			messages.add(event.getMessage());
		}
		for (Event event : events.subList(Math.max(0, events.size() - MAX_EVIDENCE), events.size())) {
			observation.evidence("Event " + namespace + "/" + pod + " " + event.getType() + " " + event.getReason()
					+ ((event.getCount() != null && event.getCount() > 1) ? " (x" + event.getCount() + ")" : "")
					+ ((time(event).isEmpty()) ? "" : " at " + time(event)) + ": " + event.getMessage());
		}
		boolean hasReason = reason.map(reasons::contains).orElse(!warnings.isEmpty());
		observation.put("reasons", List.copyOf(reasons))
			.put("has-reason", hasReason)
			.put("messages", List.copyOf(messages));
		String what = reason.map((r) -> "a Warning event " + r).orElse("Warning events");
		return observation.summary("Pod " + namespace + "/" + pod + (hasReason ? " has " : " has no ") + what
				+ " among its " + events.size() + " event(s)"
				+ (reasons.isEmpty() ? "" : " (warnings: " + String.join(", ", reasons) + ")"));
	}

	private static String time(Event event) {
		String time = (event.getLastTimestamp() != null) ? event.getLastTimestamp() : event.getEventTime() != null
				? event.getEventTime().getTime() : event.getMetadata().getCreationTimestamp();
		return (time != null) ? time : "";
	}

}
