package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;

/**
 * The build pod's phase and status reason (Evicted, ProviderFailed), and one container's
 * waiting reason (ErrImagePull, ImagePullBackOff, CreateContainerConfigError), current or
 * last termination reason (OOMKilled, Error) and exit code. The container is the one the
 * pattern names, else the first one that waits or terminated abnormally, else
 * {@code build}. The evidence keeps every container's state: the runner deletes the pod
 * when the job ends.
 */
final class BuildPodStatusProbe implements Probe {

	static final String NONE = "none";

	@Override
	public String id() {
		return "build-pod-status";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String namespace = arguments.required("namespace", "the job namespace");
		String name = arguments.required("pod", "the build pod");
		Optional<Pod> found = cluster.get(Pod.class, namespace, name);
		Observation.Builder observation = new Observation.Builder().put("exists", found.isPresent());
		if (found.isEmpty()) {
			return observation.evidence("Pod " + namespace + "/" + name + ": not found")
				.summary("Pod " + namespace + "/" + name
						+ " no longer exists (the runner deletes the build pod when the job ends)");
		}
		Pod pod = found.get();
		PodStatus status = (pod.getStatus() != null) ? pod.getStatus() : new PodStatus();
		String phase = orNone(status.getPhase());
		String reason = orNone(status.getReason());
		observation.put("phase", phase).put("reason", reason).put("node", pod.getSpec().getNodeName());
		List<ContainerStatus> containers = containers(status);
		observation.evidence(
				"Pod " + namespace + "/" + name + ": phase " + phase + (NONE.equals(reason) ? "" : ", reason " + reason)
						+ ((status.getMessage() != null) ? ", message " + status.getMessage() : "")
						+ ((pod.getSpec().getNodeName() != null) ? ", node " + pod.getSpec().getNodeName() : ""));
		for (ContainerStatus container : containers) {
			observation.evidence(
					"Pod " + namespace + "/" + name + " container " + container.getName() + ": " + describe(container));
		}
		Optional<String> wanted = arguments.optional("container");
		ContainerStatus container = wanted
			.flatMap((named) -> containers.stream().filter((c) -> named.equals(c.getName())).findFirst())
			.orElseGet(() -> wanted.isPresent() ? null : pick(containers));
		String summary = "Pod " + namespace + "/" + name + " is " + phase
				+ (NONE.equals(reason) ? "" : " (" + reason + ")");
		if (container == null) {
			return observation.summary(summary + (wanted.isPresent() ? "; it has no container " + wanted.get()
					: "; no container has a status yet"));
		}
		ContainerState state = (container.getState() != null) ? container.getState() : new ContainerState();
		ContainerStateTerminated terminated = terminated(container);
		observation.put("waiting-reason", (state.getWaiting() != null) ? orNone(state.getWaiting().getReason()) : NONE)
			.put("terminated-reason", (terminated != null) ? orNone(terminated.getReason()) : NONE)
			.put("exit-code", (terminated != null) ? terminated.getExitCode() : null)
			.put("restart-count", (container.getRestartCount() != null) ? container.getRestartCount() : 0);
		return observation.summary(summary + "; container " + container.getName() + " " + describe(container));
	}

	private static List<ContainerStatus> containers(PodStatus status) {
		List<ContainerStatus> containers = new ArrayList<>(status.getInitContainerStatuses());
		containers.addAll(status.getContainerStatuses());
		return containers;
	}

	/** The container that explains the failure: waiting, or terminated with an error. */
	private static ContainerStatus pick(List<ContainerStatus> containers) {
		for (ContainerStatus container : containers) {
			ContainerStateTerminated terminated = terminated(container);
			boolean waiting = container.getState() != null && container.getState().getWaiting() != null;
			if (waiting || (terminated != null && terminated.getExitCode() != null && terminated.getExitCode() != 0)) {
				return container;
			}
		}
		return containers.stream()
			.filter((c) -> "build".equals(c.getName()))
			.findFirst()
			.orElse(containers.isEmpty() ? null : containers.get(0));
	}

	/** The current termination, else the last one (a restarted container). */
	private static ContainerStateTerminated terminated(ContainerStatus container) {
		if (container.getState() != null && container.getState().getTerminated() != null) {
			return container.getState().getTerminated();
		}
		return (container.getLastState() != null) ? container.getLastState().getTerminated() : null;
	}

	private static String describe(ContainerStatus container) {
		ContainerState state = (container.getState() != null) ? container.getState() : new ContainerState();
		StringBuilder text = new StringBuilder();
		if (state.getWaiting() != null) {
			text.append("waiting ").append(orNone(state.getWaiting().getReason()));
			if (state.getWaiting().getMessage() != null) {
				text.append(" (").append(state.getWaiting().getMessage()).append(')');
			}
		}
		else if (state.getRunning() != null) {
			text.append("running");
		}
		else if (state.getTerminated() != null) {
			text.append("terminated ").append(describe(state.getTerminated()));
		}
		else {
			text.append("no state");
		}
		if (container.getLastState() != null && container.getLastState().getTerminated() != null) {
			text.append(", last terminated ").append(describe(container.getLastState().getTerminated()));
		}
		if (container.getRestartCount() != null && container.getRestartCount() > 0) {
			text.append(", restarted ").append(container.getRestartCount()).append(" times");
		}
		return text.toString();
	}

	private static String describe(ContainerStateTerminated terminated) {
		return orNone(terminated.getReason()) + " with exit code " + terminated.getExitCode()
				+ ((terminated.getMessage() != null) ? " (" + terminated.getMessage() + ")" : "");
	}

	private static String orNone(String value) {
		return (value == null || value.isBlank()) ? NONE : value;
	}

}
