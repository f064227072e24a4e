package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;

/**
 * The validating and mutating admission webhooks that may intercept the build pod: the
 * one the log names, else every webhook whose rules cover creating pods and whose
 * namespace selector admits the job namespace; with its failure policy (Fail turns a
 * webhook outage into a refused pod) and timeout.
 */
final class AdmissionWebhooksProbe implements Probe {

	@Override
	public String id() {
		return "admission-webhooks";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		Optional<String> named = arguments.optional("webhook");
		Optional<String> namespace = arguments.optional("namespace");
		Map<String, String> namespaceLabels = namespace.flatMap((ns) -> cluster.get(Namespace.class, null, ns))
			.map((ns) -> Objects.requireNonNullElse(ns.getMetadata().getLabels(), Map.<String, String>of()))
			.orElse(null);
		List<Hook> hooks = new ArrayList<>();
		for (ValidatingWebhookConfiguration configuration : cluster.list(ValidatingWebhookConfiguration.class, null)) {
			for (ValidatingWebhook hook : configuration.getWebhooks()) {
				hooks.add(new Hook("Validating", configuration.getMetadata().getName(), hook.getName(),
						hook.getFailurePolicy(), hook.getTimeoutSeconds(), hook.getRules(),
						hook.getNamespaceSelector()));
			}
		}
		for (MutatingWebhookConfiguration configuration : cluster.list(MutatingWebhookConfiguration.class, null)) {
			for (MutatingWebhook hook : configuration.getWebhooks()) {
				hooks.add(new Hook("Mutating", configuration.getMetadata().getName(), hook.getName(),
						hook.getFailurePolicy(), hook.getTimeoutSeconds(), hook.getRules(),
						hook.getNamespaceSelector()));
			}
		}
		List<Hook> matching = hooks.stream()
			.filter((hook) -> named.map(hook::named).orElseGet(() -> hook.interceptsPods(namespaceLabels)))
			.toList();
		Observation.Builder observation = new Observation.Builder().put("found", !matching.isEmpty());
		for (Hook hook : matching) {
			observation.evidence(hook.kind + "WebhookConfiguration " + hook.configuration + ": webhook " + hook.name
					+ ", failurePolicy " + hook.failurePolicy() + ", timeout " + hook.timeout() + "s");
		}
		String what = named.map((name) -> "webhook " + name)
			.orElse("webhooks on pod creation" + namespace.map((ns) -> " in " + ns).orElse(""));
		if (matching.isEmpty()) {
			return observation.summary("No admission " + what + " among the cluster's " + hooks.size() + " webhook(s)");
		}
		Hook first = matching.get(0);
		observation.put("failure-policy", first.failurePolicy()).put("timeout-seconds", first.timeout());
		return observation.summary("Admission " + what + ": " + String.join(", ",
				matching.stream().map((hook) -> hook.name + " (failurePolicy " + hook.failurePolicy() + ")").toList()));
	}

	/** One webhook of either kind, with what decides whether it sees the build pod. */
	private record Hook(String kind, String configuration, String name, String policy, Integer timeoutSeconds,
			List<RuleWithOperations> rules, LabelSelector namespaceSelector) {

		boolean named(String wanted) {
			return this.name.equals(wanted) || this.configuration.equals(wanted) || this.name.contains(wanted);
		}

		boolean interceptsPods(Map<String, String> namespaceLabels) {
			boolean pods = this.rules.stream()
				.anyMatch((rule) -> rule.getResources().stream().anyMatch((r) -> r.equals("pods") || r.equals("*"))
						&& rule.getOperations().stream().anyMatch((op) -> op.equals("CREATE") || op.equals("*")));
			return pods && (namespaceLabels == null || selects(this.namespaceSelector, namespaceLabels));
		}

		/** Kubernetes' defaults: Fail, 10 seconds. */
		String failurePolicy() {
			return (this.policy != null) ? this.policy : "Fail";
		}

		int timeout() {
			return (this.timeoutSeconds != null) ? this.timeoutSeconds : 10;
		}

		private static boolean selects(LabelSelector selector, Map<String, String> labels) {
			if (selector == null) {
				return true;
			}
			if (selector.getMatchLabels() != null && !selector.getMatchLabels()
				.entrySet()
				.stream()
				.allMatch((label) -> label.getValue().equals(labels.get(label.getKey())))) {
				return false;
			}
			for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
				String value = labels.get(requirement.getKey());
				boolean holds = switch (requirement.getOperator()) {
					case "In" -> value != null && requirement.getValues().contains(value);
					case "NotIn" -> value == null || !requirement.getValues().contains(value);
					case "Exists" -> value != null;
					case "DoesNotExist" -> value == null;
					default -> true;
				};
				if (!holds) {
					return false;
				}
			}
			return true;
		}

	}

}
