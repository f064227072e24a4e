package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.tracedoc.diagnosis.ProbeCheck;

/**
 * Builds, for a finding's checks, a cluster in which each probe observes given values:
 * the values the pattern expects (every check should be CONFIRMED) or values that
 * contradict them (every check should be RULED_OUT). One small fixture per probe; the
 * objects several probes read (the build pod, the nodes, the runner's config.toml) are
 * collected first and created once.
 */
final class ClusterFixtures {

	private final MockCluster cluster;

	private final TestNetwork network;

	private final Map<String, PodState> pods = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();

	private final Map<String, Boolean> settings = new LinkedHashMap<>();

	private final Set<String> releaseJobNamespaces = new LinkedHashSet<>();

	private boolean release;

	private String nodeArchitecture;

	private Boolean nodeFits;

	private Boolean accessAllowed;

	ClusterFixtures(MockCluster cluster, TestNetwork network) {
		this.cluster = cluster;
		this.network = network;
	}

	/**
	 * @param field an observed field
	 * @param value the value a pattern expects
	 * @return a value of the field that contradicts it
	 */
	static Object contradict(String field, Object value) {
		if (value instanceof Boolean bool) {
			return !bool;
		}
		if (value instanceof Number number) {
			return (number.intValue() == 1) ? 0 : 1;
		}
		String text = String.valueOf(value);
		return switch (field) {
			case "phase" -> text.equals("Pending") ? "Running" : "Pending";
			case "reason", "waiting-reason" -> BuildPodStatusProbe.NONE;
			case "terminated-reason" -> text.equals("Error") ? "Completed" : "Error";
			case "failure-policy" -> text.equals("Fail") ? "Ignore" : "Fail";
			case "pod-security-enforce" -> text.equals("restricted") ? "baseline" : "restricted";
			default -> "not-" + text;
		};
	}

	/**
	 * Arranges for the check's probe to observe these values.
	 * @param check the check, with its rendered arguments
	 * @param observe the values to observe, by field
	 */
	void arrange(ProbeCheck check, Map<String, Object> observe) {
		ProbeArguments arguments = ProbeArguments.of(check.arguments());
		Optional<String> namespace = arguments.optional("namespace");
		switch (check.probe()) {
			case "rbac-access-review" -> {
				this.accessAllowed = (Boolean) observe.get("allowed");
				if (arguments.optional("user").isEmpty()) {
					needRelease(namespace);
				}
			}
			case "rbac-bindings" -> {
				boolean bound = (Boolean) observe.get("bound-in-namespace");
				String account = arguments.values().get("service_account");
				String accountNamespace = arguments.values().get("service_account_namespace");
				String jobNamespace = arguments.values().get("namespace");
				// bound where the jobs run, or only in the account's own namespace (else
				// elsewhere)
				String bindingNamespace = bound ? jobNamespace
						: accountNamespace.equals(jobNamespace) ? "elsewhere" : accountNamespace;
				this.cluster
					.create(TestRbac.runnerBinding(account + "-runner", bindingNamespace, account, accountNamespace));
			}
			case "namespace-exists" -> {
				if (!Boolean.FALSE.equals(observe.get("exists")) && namespace.isPresent()) {
					Map<String, String> labels = this.namespaces.computeIfAbsent(namespace.get(),
							(ns) -> new LinkedHashMap<>());
					Optional.ofNullable(observe.get("pod-security-enforce"))
						.ifPresent((level) -> labels.put(NamespaceExistsProbe.ENFORCE_LABEL, String.valueOf(level)));
				}
			}
			case "service-account-exists" -> {
				if (Boolean.TRUE.equals(observe.get("exists"))) {
					this.cluster.create(new ServiceAccountBuilder().withNewMetadata()
						.withName(arguments.values().get("service_account"))
						.withNamespace(namespace.orElseThrow())
						.endMetadata()
						.build());
				}
			}
			case "secret-exists" -> {
				if (Boolean.TRUE.equals(observe.get("exists"))) {
					this.cluster.create(new SecretBuilder().withNewMetadata()
						.withName(arguments.values().get("secret"))
						.withNamespace(namespace.orElseThrow())
						.endMetadata()
						.withType("kubernetes.io/dockerconfigjson")
						.addToData(".dockerconfigjson", "e30=")
						.build());
				}
			}
			case "build-pod-status" -> pod(arguments).want(arguments.optional("container"), observe);
			case "pod-events" -> arguments.optional("pod").ifPresent((pod) -> {
				boolean warning = Boolean.TRUE.equals(observe.get("has-reason"));
				this.cluster.podEvent(namespace.orElseThrow(), pod, warning ? "Warning" : "Normal",
						warning ? arguments.optional("reason").orElse("Failed") : "Scheduled",
						warning ? "the event the log reports" : "Successfully assigned the pod to node-1");
			});
			case "node-scheduling" -> {
				this.nodeFits = ((Number) observe.get("fitting-nodes")).intValue() > 0;
				pod(arguments).exists = true;
			}
			case "resource-quota" -> quota(arguments, observe);
			case "pvc-status" -> {
				if (!Boolean.FALSE.equals(observe.get("exists"))) {
					this.cluster.create(new PersistentVolumeClaimBuilder().withNewMetadata()
						.withName(arguments.values().get("claim"))
						.withNamespace(namespace.orElseThrow())
						.endMetadata()
						.withNewSpec()
						.withAccessModes("ReadWriteOnce")
						.withStorageClassName("standard")
						.withNewResources()
						.addToRequests("storage", new Quantity("1Gi"))
						.endResources()
						.endSpec()
						.withNewStatus()
						.withPhase(String.valueOf(observe.getOrDefault("phase", "Bound")))
						.endStatus()
						.build());
				}
			}
			case "helper-image" -> {
				String imageArchitecture = arguments.optional("image")
					.flatMap(HelperImageProbe::architecture)
					.orElse("amd64");
				boolean mismatch = Boolean.TRUE.equals(observe.get("architecture-mismatch"));
				this.nodeArchitecture = mismatch ? (imageArchitecture.equals("arm64") ? "amd64" : "arm64")
						: imageArchitecture;
			}
			case "runner-config" -> {
				needRelease(namespace);
				this.settings.put(arguments.values().get("setting"), (Boolean) observe.get("present"));
			}
			case "network-policies" -> this.cluster.create(new NetworkPolicyBuilder().withNewMetadata()
				.withName("ci-policy")
				.withNamespace(namespace.orElseThrow())
				.endMetadata()
				.withNewSpec()
				.withNewPodSelector()
				.endPodSelector()
				.withPolicyTypes(Boolean.TRUE.equals(observe.get("egress-restricted")) ? "Egress" : "Ingress")
				.endSpec()
				.build());
			case "gitlab-reachability" -> {
				GitlabReachabilityProbe.HostPort target = GitlabReachabilityProbe.HostPort
					.parse(arguments.values().get("host"), arguments.optional("port").orElse(""));
				if (!Boolean.FALSE.equals(observe.get("resolves"))) {
					this.network.host(target.host(), "10.20.30.40", target.port(),
							!Boolean.FALSE.equals(observe.get("connects")));
				}
			}
			case "admission-webhooks" -> {
				if (Boolean.TRUE.equals(observe.get("found"))) {
					this.cluster.create(new ValidatingWebhookConfigurationBuilder().withNewMetadata()
						.withName("policy")
						.endMetadata()
						.addNewWebhook()
						.withName(arguments.optional("webhook").orElse("pods.policy.example.com"))
						.withFailurePolicy(String.valueOf(observe.getOrDefault("failure-policy", "Fail")))
						.withTimeoutSeconds(5)
						.withSideEffects("None")
						.withAdmissionReviewVersions("v1")
						.addNewRule()
						.withApiGroups("")
						.withApiVersions("v1")
						.withResources("pods")
						.withOperations("CREATE")
						.endRule()
						.endWebhook()
						.build());
				}
			}
			default -> throw new IllegalArgumentException("no fixture for probe " + check.probe());
		}
	}

	/**
	 * Creates what the checks share: namespaces, the build pods, the nodes, the runner's
	 * Helm release, the access review decision.
	 */
	void apply() {
		this.namespaces.forEach(this.cluster::namespace);
		this.pods.values().forEach(PodState::create);
		if (this.nodeArchitecture != null || this.nodeFits != null) {
			String architecture = (this.nodeArchitecture != null) ? this.nodeArchitecture : "amd64";
			NodeBuilder node = new NodeBuilder().withNewMetadata()
				.withName("node-1")
				.addToLabels("kubernetes.io/arch", architecture)
				.endMetadata()
				.withNewSpec()
				.endSpec()
				.withNewStatus()
				.addToAllocatable("cpu", new Quantity("4"))
				.addToAllocatable("memory", new Quantity("8Gi"))
				.withNewNodeInfo()
				.withArchitecture(architecture)
				.endNodeInfo()
				.endStatus();
			if (Boolean.FALSE.equals(this.nodeFits)) {
				node.editSpec()
					.addNewTaint()
					.withKey("dedicated")
					.withValue("gpu")
					.withEffect("NoSchedule")
					.endTaint()
					.endSpec();
			}
			this.cluster.create(node.build());
		}
		if (this.release) {
			this.cluster.runnerRelease(MockCluster.RELEASE_NAMESPACE, "ci", configToml(), configTemplateToml(),
					"gitlab-runner");
		}
		if (this.accessAllowed != null) {
			this.cluster.accessReviews(this.accessAllowed, this.accessAllowed ? "RBAC: allowed by RoleBinding" : "");
		}
	}

	private void needRelease(Optional<String> jobNamespace) {
		this.release = true;
		jobNamespace.ifPresent(this.releaseJobNamespaces::add);
	}

	private PodState pod(ProbeArguments arguments) {
		String namespace = arguments.values().get("namespace");
		String name = arguments.values().get("pod");
		return this.pods.computeIfAbsent(namespace + "/" + name, (key) -> new PodState(namespace, name));
	}

	private void quota(ProbeArguments arguments, Map<String, Object> observe) {
		String namespace = arguments.values().get("namespace");
		boolean exhausted = Boolean.TRUE.equals(observe.get("exhausted"));
		boolean requiresLimits = Boolean.TRUE.equals(observe.get("requires-limits"));
		ResourceQuotaBuilder quota = new ResourceQuotaBuilder().withNewMetadata()
			.withName(arguments.optional("quota").orElse("compute"))
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.addToHard("pods", new Quantity("10"))
			.endSpec()
			.withNewStatus()
			.addToHard("pods", new Quantity("10"))
			.addToUsed("pods", new Quantity(exhausted ? "10" : "3"))
			.endStatus();
		if (requiresLimits) {
			quota.editSpec().addToHard("limits.memory", new Quantity("16Gi")).endSpec();
			quota.editStatus()
				.addToHard("limits.memory", new Quantity("16Gi"))
				.addToUsed("limits.memory", new Quantity("2Gi"))
				.endStatus();
		}
		this.cluster.create(quota.build());
		if (Boolean.TRUE.equals(observe.get("has-limit-range"))) {
			this.cluster.create(new LimitRangeBuilder().withNewMetadata()
				.withName("limits")
				.withNamespace(namespace)
				.endMetadata()
				.withNewSpec()
				.addNewLimit()
				.withType("Container")
				.addToMax("memory", new Quantity("2Gi"))
				.endLimit()
				.endSpec()
				.build());
		}
	}

	private String configToml() {
		StringBuilder toml = new StringBuilder("concurrent = 10\ncheck_interval = 30\nlog_level = \"info\"\n");
		if (Boolean.TRUE.equals(this.settings.get("session_server.listen_address"))) {
			toml.append("[session_server]\n  listen_address = \"0.0.0.0:8093\"\n");
		}
		return toml.toString();
	}

	/**
	 * The runner's settings where config.toml has them, as the chart's runners.config.
	 */
	private String configTemplateToml() {
		StringBuilder runner = new StringBuilder("[[runners]]\n");
		StringBuilder kubernetes = new StringBuilder("  [runners.kubernetes]\n");
		this.releaseJobNamespaces.forEach((ns) -> kubernetes.append("    namespace = \"").append(ns).append("\"\n"));
		this.settings.forEach((setting, present) -> {
			switch (setting) {
				case "session_server.listen_address" -> {
					// in config.toml
				}
				case "tls-ca-file" -> runner.append(present ? "  tls-ca-file = \"/certs/ca.crt\"\n" : "");
				case "cache" -> runner.append(present ? "  [runners.cache]\n    Type = \"s3\"\n" : "");
				case "privileged", "pod_disruption_budget" ->
					kubernetes.append("    ").append(setting).append(" = ").append(present).append('\n');
				case "host_aliases" -> kubernetes.append(present
						? "    host_aliases = [{ ip = \"10.0.0.5\", hostnames = [\"gitlab.example.com\"] }]\n" : "");
				case "dns_config" ->
					kubernetes.append(present ? "    dns_config = { nameservers = [\"10.0.0.10\"] }\n" : "");
				case "volumes.empty_dir" -> kubernetes.append(present
						? "    volumes.empty_dir = [{ name = \"docker-certs\", mount_path = \"/certs/client\" }]\n"
						: "");
				case "allowed_images", "allowed_services", "allowed_pull_policies" ->
					kubernetes.append(present ? "    " + setting + " = [\"registry.example.com/*\"]\n" : "");
				default ->
					kubernetes.append(present ? "    " + setting + " = \"/etc/gitlab-runner/" + setting + "\"\n" : "");
			}
		});
		return runner.append(kubernetes).toString();
	}

	/** The build pod as the checks want it. */
	private final class PodState {

		private final String namespace;

		private final String name;

		private Boolean exists;

		private final Map<String, Object> observe = new LinkedHashMap<>();

		private String container = "build";

		PodState(String namespace, String name) {
			this.namespace = namespace;
			this.name = name;
		}

		void want(Optional<String> container, Map<String, Object> values) {
			container.ifPresent((named) -> this.container = named);
			this.observe.putAll(values);
			if (values.containsKey("exists")) {
				this.exists = (Boolean) values.get("exists");
			}
		}

		void create() {
			if (Boolean.FALSE.equals(this.exists)) {
				return;
			}
			String waiting = (String) this.observe.get("waiting-reason");
			String terminated = (String) this.observe.get("terminated-reason");
			Number exitCode = (Number) this.observe.get("exit-code");
			ContainerStatusBuilder status = new ContainerStatusBuilder().withName(this.container).withRestartCount(0);
			if (waiting != null && !waiting.equals(BuildPodStatusProbe.NONE)) {
				status.withNewState()
					.withNewWaiting()
					.withReason(waiting)
					.withMessage("as the log says")
					.endWaiting()
					.endState();
			}
			else if (terminated != null || exitCode != null) {
				String reason = (terminated != null) ? terminated : "Error";
				int code = (exitCode != null) ? exitCode.intValue() : reason.equals("Completed") ? 0 : 1;
				status.withNewState()
					.withNewTerminated()
					.withReason(reason)
					.withExitCode(code)
					.endTerminated()
					.endState();
			}
			else {
				status.withNewState().withNewRunning().withStartedAt("2024-10-15T13:46:40Z").endRunning().endState();
			}
			String reason = (String) this.observe.get("reason");
			List<ContainerStatus> statuses = new ArrayList<>(List.of(status.build()));
			MockCluster cluster = ClusterFixtures.this.cluster;
			cluster.create(new PodBuilder().withNewMetadata()
				.withName(this.name)
				.withNamespace(this.namespace)
				.endMetadata()
				.withNewSpec()
				.addNewContainer()
				.withName(this.container)
				.withImage("alpine:3.20")
				.withNewResources()
				.addToRequests("cpu", new Quantity("500m"))
				.addToRequests("memory", new Quantity("1Gi"))
				.endResources()
				.endContainer()
				.endSpec()
				.withNewStatus()
				.withPhase(String.valueOf(this.observe.getOrDefault("phase", "Running")))
				.withReason((reason == null || reason.equals(BuildPodStatusProbe.NONE)) ? null : reason)
				.withContainerStatuses(statuses)
				.endStatus()
				.build());
		}

	}

}
