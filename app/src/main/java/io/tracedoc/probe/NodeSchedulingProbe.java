package io.tracedoc.probe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

/**
 * Why no node takes the pod: for every node, its taints against the pod's tolerations,
 * its labels against the pod's node selector, and what is left of its allocatable cpu and
 * memory (minus the requests of the pods already on it) against the pod's requests. Node
 * affinity and topology spread are not evaluated; the scheduler's own FailedScheduling
 * event (pod-events) says when they decided.
 */
final class NodeSchedulingProbe implements Probe {

	private static final List<String> RESOURCES = List.of("cpu", "memory");

	private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024 * 1024);

	@Override
	public String id() {
		return "node-scheduling";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String namespace = arguments.required("namespace", "the job namespace");
		String name = arguments.required("pod", "the build pod");
		Pod pod = cluster.get(Pod.class, namespace, name)
			.orElseThrow(() -> new NotCheckable("Pod " + namespace + "/" + name
					+ " no longer exists, so its tolerations, node selector and requests cannot be compared with the nodes"));
		List<Node> nodes = cluster.list(Node.class, null);
		Map<String, Map<String, BigDecimal>> used = requestsByNode(
				cluster.list(Pod.class, null, Map.of(), "status.phase!=Succeeded,status.phase!=Failed"), pod);
		Map<String, BigDecimal> wanted = requests(pod);
		Map<String, String> selector = Objects.requireNonNullElse(pod.getSpec().getNodeSelector(), Map.of());
		List<String> untolerated = new ArrayList<>();
		List<String> unmatched = new ArrayList<>();
		List<String> insufficient = new ArrayList<>();
		Observation.Builder observation = new Observation.Builder();
		int fitting = 0;
		for (Node node : nodes) {
			String nodeName = node.getMetadata().getName();
			List<String> misfits = new ArrayList<>();
			if (Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
				misfits.add("cordoned");
			}
			for (Taint taint : Objects.requireNonNullElse(node.getSpec().getTaints(), List.<Taint>of())) {
				if (!"PreferNoSchedule".equals(taint.getEffect()) && !tolerated(taint, pod)) {
					String text = nodeName + ": " + taint.getKey()
							+ ((taint.getValue() != null) ? "=" + taint.getValue() : "") + ":" + taint.getEffect();
					untolerated.add(text);
					misfits.add("taint " + text.substring(nodeName.length() + 2));
				}
			}
			Map<String, String> labels = Objects.requireNonNullElse(node.getMetadata().getLabels(), Map.of());
			selector.forEach((key, value) -> {
				if (!value.equals(labels.get(key))) {
					unmatched.add(nodeName + ": " + key + "=" + value);
					misfits.add("no label " + key + "=" + value);
				}
			});
			Map<String, Quantity> allocatable = (node.getStatus() != null && node.getStatus().getAllocatable() != null)
					? node.getStatus().getAllocatable() : Map.of();
			for (String resource : RESOURCES) {
				BigDecimal want = wanted.getOrDefault(resource, BigDecimal.ZERO);
				Quantity capacity = allocatable.get(resource);
				if (want.signum() == 0 || capacity == null) {
					continue;
				}
				BigDecimal free = capacity.getNumericalAmount()
					.subtract(used.getOrDefault(nodeName, Map.of()).getOrDefault(resource, BigDecimal.ZERO));
				if (free.compareTo(want) < 0) {
					String text = nodeName + ": " + resource + " requested " + amount(resource, want) + ", free "
							+ amount(resource, free) + " of " + capacity;
					insufficient.add(text);
					misfits.add("insufficient " + text.substring(nodeName.length() + 2));
				}
			}
			fitting += misfits.isEmpty() ? 1 : 0;
			observation.evidence("Node " + nodeName + ": " + (misfits.isEmpty() ? "fits" : String.join("; ", misfits)));
		}
		observation.put("fitting-nodes", fitting)
			.put("untolerated-taints", untolerated)
			.put("unmatched-selector", unmatched)
			.put("insufficient", insufficient);
		return observation.summary(fitting + " of " + nodes.size() + " node(s) fit Pod " + namespace + "/" + name
				+ " (requests " + describe(wanted) + (selector.isEmpty() ? "" : ", node selector " + selector) + ")");
	}

	private static boolean tolerated(Taint taint, Pod pod) {
		for (Toleration toleration : Objects.requireNonNullElse(pod.getSpec().getTolerations(),
				List.<Toleration>of())) {
			boolean effect = toleration.getEffect() == null || toleration.getEffect().isEmpty()
					|| toleration.getEffect().equals(taint.getEffect());
			boolean key = toleration.getKey() == null || toleration.getKey().isEmpty()
					|| toleration.getKey().equals(taint.getKey());
			boolean value = "Exists".equals(toleration.getOperator())
					|| Objects.equals(Objects.requireNonNullElse(toleration.getValue(), ""),
							Objects.requireNonNullElse(taint.getValue(), ""));
			if (effect && key && value) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Map<String, BigDecimal>> requestsByNode(List<Pod> pods, Pod self) {
		Map<String, Map<String, BigDecimal>> byNode = new HashMap<>();
		for (Pod other : pods) {
			String node = other.getSpec().getNodeName();
			String phase = (other.getStatus() != null) ? other.getStatus().getPhase() : null;
			boolean itself = Objects.equals(other.getMetadata().getNamespace(), self.getMetadata().getNamespace())
					&& Objects.equals(other.getMetadata().getName(), self.getMetadata().getName());
			if (node == null || itself || "Succeeded".equals(phase) || "Failed".equals(phase)) {
				continue;
			}
			requests(other).forEach((resource, amount) -> byNode.computeIfAbsent(node, (n) -> new HashMap<>())
				.merge(resource, amount, BigDecimal::add));
		}
		return byNode;
	}

	/**
	 * What the scheduler reserves: the sum of the containers, at least the largest init
	 * container.
	 */
	private static Map<String, BigDecimal> requests(Pod pod) {
		Map<String, BigDecimal> sum = new HashMap<>();
		for (Container container : pod.getSpec().getContainers()) {
			containerRequests(container).forEach((resource, amount) -> sum.merge(resource, amount, BigDecimal::add));
		}
		for (Container init : pod.getSpec().getInitContainers()) {
			containerRequests(init).forEach((resource, amount) -> sum.merge(resource, amount, BigDecimal::max));
		}
		return sum;
	}

	private static Map<String, BigDecimal> containerRequests(Container container) {
		Map<String, BigDecimal> requests = new HashMap<>();
		if (container.getResources() != null && container.getResources().getRequests() != null) {
			container.getResources().getRequests().forEach((resource, quantity) -> {
				if (RESOURCES.contains(resource)) {
					requests.put(resource, quantity.getNumericalAmount());
				}
			});
		}
		return requests;
	}

	private static String describe(Map<String, BigDecimal> requests) {
		if (requests.isEmpty()) {
			return "none";
		}
		List<String> parts = new ArrayList<>();
		for (String resource : RESOURCES) {
			if (requests.containsKey(resource)) {
				parts.add(resource + " " + amount(resource, requests.get(resource)));
			}
		}
		return String.join(", ", parts);
	}

	/** cpu in cores, memory in MiB (how a reader compares them with the node) */
	private static String amount(String resource, BigDecimal amount) {
		if (resource.equals("memory")) {
			return amount.divide(MEBIBYTE, 0, RoundingMode.CEILING).toPlainString() + "Mi";
		}
		return amount.stripTrailingZeros().toPlainString();
	}

}
