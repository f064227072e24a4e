package io.tracedoc.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The PersistentVolumeClaim's phase and the volume it is bound to; for a claim still
 * Pending, the Available volumes of its storage class that could take it (none usually
 * means the class provisions on demand, or nothing fits).
 */
final class PvcStatusProbe implements Probe {

	@Override
	public String id() {
		return "pvc-status";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String namespace = arguments.required("namespace", "the job namespace");
		String name = arguments.required("claim", "the PersistentVolumeClaim");
		Optional<PersistentVolumeClaim> found = cluster.get(PersistentVolumeClaim.class, namespace, name);
		Observation.Builder observation = new Observation.Builder().put("exists", found.isPresent());
		if (found.isEmpty()) {
			return observation.evidence("PersistentVolumeClaim " + namespace + "/" + name + ": not found")
				.summary("PersistentVolumeClaim " + namespace + "/" + name + " does not exist");
		}
		PersistentVolumeClaim claim = found.get();
		String phase = (claim.getStatus() != null && claim.getStatus().getPhase() != null)
				? claim.getStatus().getPhase() : "Pending";
		String storageClass = Objects.requireNonNullElse(claim.getSpec().getStorageClassName(), "");
		Quantity request = (claim.getSpec().getResources() != null
				&& claim.getSpec().getResources().getRequests() != null)
						? claim.getSpec().getResources().getRequests().get("storage") : null;
		String volume = claim.getSpec().getVolumeName();
		observation.put("phase", phase).put("storage-class", storageClass.isEmpty() ? "none" : storageClass);
		observation.evidence("PersistentVolumeClaim " + namespace + "/" + name + ": phase " + phase + ", class "
				+ (storageClass.isEmpty() ? "none" : storageClass) + ", requests " + request + ", access modes "
				+ claim.getSpec().getAccessModes() + ((volume != null) ? ", volume " + volume : ""));
		if (volume == null || volume.isEmpty()) {
			List<PersistentVolume> candidates = cluster.list(PersistentVolume.class, null)
				.stream()
				.filter((pv) -> fits(pv, storageClass, request, claim.getSpec().getAccessModes()))
				.toList();
			for (PersistentVolume candidate : candidates) {
				observation.evidence("PersistentVolume " + candidate.getMetadata().getName() + ": Available, "
						+ candidate.getSpec().getCapacity() + ", could bind");
			}
			volume = candidates.isEmpty() ? "none" : candidates.get(0).getMetadata().getName();
		}
		observation.put("volume", volume);
		return observation.summary("PersistentVolumeClaim " + namespace + "/" + name + " is " + phase
				+ ("none".equals(volume) ? ", and no Available volume of class \"" + storageClass + "\" fits it"
						: ("Bound".equals(phase) ? ", bound to " : ", could bind to ") + volume));
	}

	private static boolean fits(PersistentVolume pv, String storageClass, Quantity request, List<String> modes) {
		boolean available = pv.getStatus() != null && "Available".equals(pv.getStatus().getPhase());
		boolean sameClass = storageClass.equals(Objects.requireNonNullElse(pv.getSpec().getStorageClassName(), ""));
		Quantity capacity = (pv.getSpec().getCapacity() != null) ? pv.getSpec().getCapacity().get("storage") : null;
		boolean bigEnough = request == null
				|| (capacity != null && capacity.getNumericalAmount().compareTo(request.getNumericalAmount()) >= 0);
		return available && sameClass && bigEnough && pv.getSpec().getAccessModes().containsAll(modes);
	}

}
