package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;

/**
 * The namespace's ResourceQuotas (used against hard) and LimitRanges: is a quota used up
 * (optionally the named quota, or quotas on the named resource), and does a quota on cpu
 * or memory force every container to state a request or limit that no LimitRange default
 * supplies?
 */
final class ResourceQuotaProbe implements Probe {

	private static final List<String> RESOURCES = List.of("cpu", "memory");

	@Override
	public String id() {
		return "resource-quota";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String namespace = arguments.required("namespace", "the job namespace");
		Optional<String> named = arguments.optional("quota");
		Optional<String> resource = arguments.optional("resource");
		List<ResourceQuota> quotas = cluster.list(ResourceQuota.class, namespace)
			.stream()
			.filter((quota) -> named.isEmpty() || named.get().equals(quota.getMetadata().getName()))
			.toList();
		List<LimitRange> limitRanges = cluster.list(LimitRange.class, namespace);
		Observation.Builder observation = new Observation.Builder();
		List<String> quotaTexts = new ArrayList<>();
		List<String> exhausted = new ArrayList<>();
		List<String> requiresLimits = new ArrayList<>();
		for (ResourceQuota quota : quotas) {
			Map<String, Quantity> hard = hard(quota);
			Map<String, Quantity> used = (quota.getStatus() != null && quota.getStatus().getUsed() != null)
					? quota.getStatus().getUsed() : Map.of();
			List<String> parts = new ArrayList<>();
			hard.forEach((name, limit) -> {
				Quantity inUse = used.get(name);
				parts.add(name + " " + ((inUse != null) ? inUse : "?") + "/" + limit);
				boolean concerned = resource.isEmpty() || name.contains(resource.get());
				if (concerned && inUse != null
						&& inUse.getNumericalAmount().compareTo(limit.getNumericalAmount()) >= 0) {
					exhausted.add(quota.getMetadata().getName() + ": " + name + " " + inUse + "/" + limit);
				}
			});
			for (String name : RESOURCES) {
				for (String kind : List.of("limits", "requests")) {
					boolean demanded = hard.containsKey(kind + "." + name)
							|| (kind.equals("requests") && hard.containsKey(name));
					if (demanded && !defaulted(limitRanges, kind, name)) {
						requiresLimits.add(quota.getMetadata().getName() + ": " + kind + "." + name);
					}
				}
			}
			String text = "ResourceQuota " + namespace + "/" + quota.getMetadata().getName() + ": "
					+ String.join(", ", parts);
			quotaTexts.add(text.substring(text.indexOf('/') + 1));
			observation.evidence(text);
		}
		List<String> limitRangeTexts = new ArrayList<>();
		for (LimitRange limitRange : limitRanges) {
			String text = limitRange.getMetadata().getName() + ": " + describe(limitRange);
			limitRangeTexts.add(text);
			observation.evidence("LimitRange " + namespace + "/" + text);
		}
		observation.put("exhausted", !exhausted.isEmpty())
			.put("requires-limits", !requiresLimits.isEmpty())
			.put("quotas", quotaTexts)
			.put("limit-ranges", limitRangeTexts)
			.put("has-limit-range", !limitRanges.isEmpty());
		String quotaSummary = quotas.isEmpty()
				? named.map((q) -> "ResourceQuota " + q + " does not exist in " + namespace)
					.orElse("Namespace " + namespace + " has no ResourceQuota")
				: !exhausted.isEmpty() ? "used up: " + String.join(", ", exhausted)
						: quotas.size() + " ResourceQuota(s) in " + namespace + ", none used up";
		return observation
			.summary(
					quotaSummary
							+ (requiresLimits.isEmpty() ? ""
									: "; every container must state " + String.join(", ", requiresLimits)
											+ " (no LimitRange default)")
							+ "; " + limitRanges.size() + " LimitRange(s)");
	}

	private static Map<String, Quantity> hard(ResourceQuota quota) {
		if (quota.getStatus() != null && quota.getStatus().getHard() != null
				&& !quota.getStatus().getHard().isEmpty()) {
			return quota.getStatus().getHard();
		}
		return (quota.getSpec() != null && quota.getSpec().getHard() != null) ? quota.getSpec().getHard() : Map.of();
	}

	/**
	 * Whether a LimitRange fills in the container's request or limit when it has none.
	 */
	private static boolean defaulted(List<LimitRange> limitRanges, String kind, String resource) {
		for (LimitRange limitRange : limitRanges) {
			for (LimitRangeItem item : limitRange.getSpec().getLimits()) {
				if (!"Container".equals(item.getType())) {
					continue;
				}
				Map<String, Quantity> defaults = kind.equals("limits") ? item.getDefault() : item.getDefaultRequest();
				// a default limit is also the default request
				if ((defaults != null && defaults.containsKey(resource)) || (kind.equals("requests")
						&& item.getDefault() != null && item.getDefault().containsKey(resource))) {
					return true;
				}
			}
		}
		return false;
	}

	private static String describe(LimitRange limitRange) {
		List<String> parts = new ArrayList<>();
		for (LimitRangeItem item : limitRange.getSpec().getLimits()) {
			StringBuilder part = new StringBuilder(item.getType());
			bound(part, "min", item.getMin());
			bound(part, "max", item.getMax());
			bound(part, "default", item.getDefault());
			bound(part, "defaultRequest", item.getDefaultRequest());
			parts.add(part.toString());
		}
		return String.join("; ", parts);
	}

	private static void bound(StringBuilder part, String name, Map<String, Quantity> values) {
		if (values != null && !values.isEmpty()) {
			part.append(' ').append(name).append(' ').append(values);
		}
	}

}
