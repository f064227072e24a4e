package io.tracedoc.probe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;
import io.tracedoc.diagnosis.RuledOut;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;

/**
 * The scenario matrix of issue 13: for each probed cause, a job log that names it, a
 * cluster that shows the cause (the finding must be CONFIRMED), the same cluster probed
 * by a tracedoc that lacks the probe's own permission (NOT_CHECKED, saying which), and
 * the cluster with the cause fixed (RULED_OUT). The same rows run on a real
 * kube-apiserver ({@link RealClusterMatrixTests}) and on the fabric8 mock seeded with a
 * real bootstrap policy ({@link MockClusterMatrixTests}). What a kubelet, scheduler or
 * controller would write (events, pod and quota status, a bound claim) the rows write
 * themselves.
 */
final class ProbeMatrix {

	static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(CATALOG);

	/** The probes that decide permissions: what an RBAC row takes away. */
	static final Set<String> RBAC_READS = Set.of("subjectaccessreviews", "rolebindings", "clusterrolebindings", "roles",
			"clusterroles");

	private ProbeMatrix() {
	}

	/** One step of a row, against a cluster. */
	interface Step {

		void apply(MatrixCluster cluster, Names names);

		Step NOTHING = (cluster, names) -> {
		};

		default Step then(Step next) {
			return (cluster, names) -> {
				apply(cluster, names);
				next.apply(cluster, names);
			};
		}

	}

	/**
	 * What a row writes into a cluster and what tracedoc may do there.
	 */
	interface MatrixCluster {

		void create(HasMetadata object);

		void update(HasMetadata object);

		void updateStatus(HasMetadata object);

		void delete(HasMetadata object);

		/** A core/v1 Event of a pod, as a kubelet or the scheduler writes it. */
		void podEvent(String namespace, String pod, String type, String reason, String message);

		/** Every event of the pod deleted, as when they expire. */
		void deletePodEvents(String namespace, String pod);

		/**
		 * @param without the resources tracedoc may not read (or, for
		 * {@code subjectaccessreviews}, create) beyond what it may not anyway
		 * @return tracedoc's view of the cluster with the shipped ClusterRole minus those
		 */
		ClusterView tracedoc(Set<String> without);

		/**
		 * @return tracedoc's view with a token the API server does not accept
		 */
		ClusterView badToken();

	}

	/**
	 * The names a row uses, unique per run.
	 *
	 * @param jobs the namespace the jobs run in
	 * @param other another namespace
	 * @param pod the build pod
	 * @param suffix for cluster-scoped objects
	 */
	record Names(String jobs, String other, String pod, String suffix) {

		static Names of(String row, String suffix) {
			return new Names("m-" + row + "-" + suffix, "m-" + row + "-other-" + suffix,
					"runner-m" + suffix + "-project-1-concurrent-0-abcde", suffix);
		}

	}

	/**
	 * One probed cause.
	 *
	 * @param id short id, also in the namespaces' names
	 * @param scenario what it is, for the table
	 * @param pattern the pattern whose finding is judged
	 * @param probes the checks that probe this cause (the row's verdict is theirs, by
	 * {@link ProbePrecedence}); other checks of the finding are listed but do not count
	 * @param log the job log
	 * @param setUp what the scenario needs beside the cause (namespaces, the pod)
	 * @param cause what makes the cause true
	 * @param fix what fixes it
	 * @param reads what tracedoc's probes read for this cause: taken away for the
	 * NOT_CHECKED phase
	 * @param tracedocWithout what tracedoc lacks in every phase of this row
	 * @param badToken whether the NOT_CHECKED phase uses a token the API server rejects
	 * instead of fewer permissions (and the other phases are not run)
	 */
	record Row(String id, String scenario, String pattern, Set<String> probes, Function<Names, String> log, Step setUp,
			Step cause, Step fix, Set<String> reads, Set<String> tracedocWithout, boolean badToken) {

		@Override
		public String toString() {
			return this.id + " (" + this.pattern + ")";
		}

	}

	/** The phases of a row. */
	enum Phase {

		CAUSE(ProbeStatus.CONFIRMED), WITHOUT_PERMISSION(ProbeStatus.NOT_CHECKED), FIXED(ProbeStatus.RULED_OUT);

		final ProbeStatus expected;

		Phase(ProbeStatus expected) {
			this.expected = expected;
		}

	}

	/**
	 * What one phase of a row gave.
	 *
	 * @param row the row
	 * @param phase the phase
	 * @param got the verdict of the row's checks, {@code null} when the pattern did not
	 * match the log
	 * @param finding the verdict of the whole finding (RULED_OUT when it moved to ruled
	 * out)
	 * @param checks the row's checks with their answers
	 */
	record Result(Row row, Phase phase, ProbeStatus got, ProbeStatus finding, List<ProbeCheck> checks) {

		boolean right() {
			if (this.got != this.phase.expected) {
				return false;
			}
			// NOT_CHECKED must say what tracedoc lacks
			return this.phase != Phase.WITHOUT_PERMISSION || this.checks.stream()
				.filter((check) -> this.row.probes().contains(check.probe()))
				.allMatch((check) -> check.reason().contains("(403 Forbidden)") || check.reason().contains("(401)"));
		}

		String describe() {
			return this.row.id() + " " + this.phase + ": expected " + this.phase.expected + ", got " + this.got
					+ " (finding " + this.finding + ")"
					+ this.checks.stream()
						.map((check) -> "\n  " + check.probe() + " " + check.status() + " [" + check.basis() + "]"
								+ ((check.overruledBy() != null) ? " overruled by " + check.overruledBy() : "") + ": "
								+ check.reason())
						.reduce("", String::concat);
		}

	}

	/**
	 * Runs every phase of a row.
	 * @param row the row
	 * @param cluster the cluster
	 * @param names the names it uses
	 * @return the results, in the order the phases ran
	 */
	static List<Result> run(Row row, MatrixCluster cluster, Names names) {
		List<Result> results = new ArrayList<>();
		row.setUp().apply(cluster, names);
		row.cause().apply(cluster, names);
		String log = row.log().apply(names);
		if (row.badToken()) {
			results.add(judge(row, Phase.WITHOUT_PERMISSION, probe(log, cluster.badToken())));
			return results;
		}
		results.add(judge(row, Phase.CAUSE, probe(log, cluster.tracedoc(row.tracedocWithout()))));
		Set<String> without = new java.util.TreeSet<>(row.tracedocWithout());
		without.addAll(row.reads());
		results.add(judge(row, Phase.WITHOUT_PERMISSION, probe(log, cluster.tracedoc(without))));
		row.fix().apply(cluster, names);
		results.add(judge(row, Phase.FIXED, probe(log, cluster.tracedoc(row.tracedocWithout()))));
		return results;
	}

	private static Diagnosis probe(String log, ClusterView view) {
		Diagnosis diagnosis = ENGINE.diagnose(log.getBytes(StandardCharsets.UTF_8));
		return ClusterProbing.probe(diagnosis, view, ProbeRegistry.standard(new TestNetwork(), Duration.ofSeconds(5)),
				CATALOG, Duration.ofSeconds(30), System.nanoTime());
	}

	private static Result judge(Row row, Phase phase, Diagnosis diagnosis) {
		Optional<Finding> finding = diagnosis.findings()
			.stream()
			.filter((candidate) -> candidate.pattern().equals(row.pattern()))
			.findFirst();
		Optional<RuledOut> ruledOut = diagnosis.ruledOut()
			.stream()
			.filter((candidate) -> candidate.pattern().equals(row.pattern()) && !candidate.probes().isEmpty())
			.findFirst();
		List<ProbeCheck> all = finding.map(Finding::probes).or(() -> ruledOut.map(RuledOut::probes)).orElse(null);
		if (all == null) {
			return new Result(row, phase, null, null, List.of());
		}
		List<ProbeCheck> checks = all.stream().filter((check) -> row.probes().contains(check.probe())).toList();
		ProbeStatus findingStatus = finding.isPresent() ? ProbePrecedence.decide(all).status() : ProbeStatus.RULED_OUT;
		return new Result(row, phase, ProbePrecedence.decide(checks).status(), findingStatus, all);
	}

	// ---- the rows

	static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		Set<String> rbac = Set.of("rbac-access-review", "rbac-bindings");
		rows.add(new Row("rbac-ns", "RBAC refused in the job namespace (the seed: nothing granted)",
				"k8s-rbac-forbidden", rbac, (n) -> forbidden(n.jobs(), n.jobs(), "create", "secrets", ""), namespaces(),
				Step.NOTHING, role("runner", "create", "secrets", true), RBAC_READS, Set.of(), false));
		rows.add(new Row("rbac-nosar", "RBAC refused in the job namespace, tracedoc may not create access reviews",
				"k8s-rbac-forbidden", rbac, (n) -> forbidden(n.jobs(), n.jobs(), "create", "secrets", ""), namespaces(),
				Step.NOTHING, role("runner", "create", "secrets", true), RBAC_READS, Set.of("subjectaccessreviews"),
				false));
		rows.add(new Row("rbac-other", "RBAC bound in another namespace only", "k8s-rbac-bound-in-other-namespace",
				rbac, (n) -> forbidden(n.other(), n.jobs(), "create", "secrets", ""), namespaces(),
				(cluster, n) -> roleIn(cluster, n.other(), n.other(), "create", "secrets"),
				(cluster, n) -> roleIn(cluster, n.jobs(), n.other(), "create", "secrets"), RBAC_READS, Set.of(),
				false));
		rows.add(new Row("rbac-cluster", "RBAC refused at cluster scope (create namespaces)",
				"k8s-rbac-cluster-scope-forbidden", Set.of("rbac-access-review"), ProbeMatrix::clusterScopeForbidden,
				namespaces(), Step.NOTHING, ProbeMatrix::grantNamespaces, RBAC_READS, Set.of(), false));
		rows.add(new Row("rbac-exec", "RBAC: the Role lacks the subresource pods/exec", "k8s-rbac-forbidden", rbac,
				(n) -> forbidden(n.jobs(), n.jobs(), "create", "pods/exec", "pods \"" + n.pod() + "\" "), namespaces(),
				role("runner", "create", "pods,pods/attach,pods/log", true),
				role("runner", "create", "pods,pods/attach,pods/log,pods/exec", false), RBAC_READS, Set.of(), false));
		rows.add(new Row("rbac-attach", "RBAC: the Role lacks the subresource pods/attach", "k8s-rbac-forbidden", rbac,
				(n) -> forbidden(n.jobs(), n.jobs(), "create", "pods/attach", "pods \"" + n.pod() + "\" "),
				namespaces(), role("runner", "create", "pods,pods/exec", true),
				role("runner", "create", "pods,pods/exec,pods/attach", false), RBAC_READS, Set.of(), false));
		rows.add(new Row("anon", "system:anonymous refused", "k8s-api-anonymous", Set.of("rbac-access-review"), (
				n) -> "ERROR: Job failed (system failure): prepare environment: setting up credentials: secrets is forbidden: "
						+ "User \"system:anonymous\" cannot create resource \"secrets\" in API group \"\" in the namespace \""
						+ n.jobs() + "\"\n",
				namespaces(), Step.NOTHING, ProbeMatrix::grantAnonymous, RBAC_READS, Set.of(), false));
		rows.add(new Row("badtoken", "tracedoc's token rejected (401 Unauthorized)", "k8s-rbac-forbidden", rbac,
				(n) -> forbidden(n.jobs(), n.jobs(), "create", "secrets", ""), namespaces(), Step.NOTHING, Step.NOTHING,
				Set.of(), Set.of(), true));
		rows.add(new Row("ns-missing", "namespace missing", "k8s-namespace-not-found", Set.of("namespace-exists"),
				(n) -> header(n.jobs())
						+ "ERROR: Job failed (system failure): prepare environment: setting up build pod: namespaces \""
						+ n.jobs() + "\" not found\n",
				Step.NOTHING, Step.NOTHING, (cluster, n) -> cluster.create(namespace(n.jobs())), Set.of("namespaces"),
				Set.of(), false));
		rows.add(new Row("sa-missing", "service account missing", "k8s-service-account-not-present",
				Set.of("service-account-exists"),
				(n) -> header(n.jobs())
						+ "ERROR: Job failed (system failure): prepare environment: setting up build pod: Timed out while waiting for "
						+ "ServiceAccount/ci-builder to be present in the cluster. Check https://docs.gitlab.com/runner/shells/#shell-profile-loading for more information\n",
				namespaces(), Step.NOTHING, (cluster, n) -> cluster.create(serviceAccount(n.jobs(), "ci-builder")),
				Set.of("serviceaccounts"), Set.of(), false));
		rows.add(new Row("pullsecret", "image pull secret missing", "k8s-image-pull-secret-not-present",
				Set.of("secret-exists"),
				(n) -> header(n.jobs())
						+ "ERROR: Job failed (system failure): prepare environment: setting up build pod: Timed out while waiting for "
						+ "ImagePullSecret/harbor-pull to be present in the cluster. Check https://docs.gitlab.com/runner/shells/#shell-profile-loading for more information\n",
				namespaces(), Step.NOTHING, ProbeMatrix::createPullSecret, Set.of("secrets"), Set.of(), false));
		rows.add(new Row("quota", "ResourceQuota exceeded", "k8s-quota-exceeded", Set.of("resource-quota"),
				(n) -> header(n.jobs())
						+ "ERROR: Job failed (system failure): prepare environment: setting up build pod: pods \""
						+ n.pod()
						+ "\" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2\n",
				namespaces(), (cluster, n) -> quota(cluster, n, "2", true),
				(cluster, n) -> quota(cluster, n, "10", false), Set.of("resourcequotas", "limitranges"), Set.of(),
				false));
		rows.add(new Row("pvc", "PVC unbound", "pvc-unbound", Set.of("pvc-status", "pod-events"), (n) -> header(
				n.jobs()) + waiting(n)
				+ "\tUnschedulable: \"0/1 nodes are available: persistentvolumeclaim \\\"build-pvc\\\" not found."
				+ " preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.\"\n"
				+ "ERROR: Job failed (system failure): prepare environment: waiting for pod running: timed out waiting for pod to start\n",
				namespaces().then(pod(Map.of())), ProbeMatrix::pvcPending, ProbeMatrix::pvcBound,
				Set.of("persistentvolumeclaims", "persistentvolumes", "events", "pods"), Set.of(), false));
		rows.add(new Row("sched", "pod Pending, FailedScheduling (node selector)", "pod-unschedulable-node-selector",
				Set.of("node-scheduling", "pod-events"),
				(n) -> header(n.jobs()) + waiting(n)
						+ "\tUnschedulable: \"0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.\"\n"
						+ "ERROR: Job failed (system failure): prepare environment: waiting for pod running: timed out waiting for pod to start\n",
				namespaces().then((cluster, n) -> pod(Map.of("tracedoc-matrix", n.suffix())).apply(cluster, n)),
				ProbeMatrix::unschedulable, ProbeMatrix::scheduled, Set.of("nodes", "pods", "events"), Set.of(),
				false));
		rows.add(new Row("helper", "helper image pull failure events", "helper-image-pull-failed", Set.of("pod-events"),
				(n) -> header(n.jobs()) + waiting(n)
						+ "WARNING: Failed to pull image with policy \"\": image pull failed: rpc error: code = Unknown desc = failed to pull and unpack image \""
						+ HELPER + "\": dial tcp 35.227.35.254:443: connect: connection refused\n"
						+ "ERROR: Job failed: prepare environment: pulling image \"" + HELPER
						+ "\": image pull failed: dial tcp 35.227.35.254:443: connect: connection refused\n",
				namespaces().then(pod(Map.of())),
				(cluster,
						n) -> cluster.podEvent(n.jobs(), n.pod(), "Warning", "Failed",
								"Failed to pull image \"" + HELPER
										+ "\": dial tcp 35.227.35.254:443: connect: connection refused"),
				(cluster, n) -> {
					cluster.deletePodEvents(n.jobs(), n.pod());
					cluster.podEvent(n.jobs(), n.pod(), "Normal", "Pulled",
							"Successfully pulled image \"" + HELPER + "\" in 1.2s");
				}, Set.of("events", "pods"), Set.of(), false));
		rows.add(new Row("webhook", "admission webhook present", "k8s-admission-webhook-denied",
				Set.of("admission-webhooks"),
				(n) -> header(n.jobs())
						+ "ERROR: Job failed (system failure): prepare environment: setting up build pod: admission webhook \"validation.gatekeeper.sh\" denied the request: "
						+ "[denied by psp-allow-privilege-escalation-container] Privilege escalation container is not allowed: build\n",
				namespaces(), (cluster, n) -> cluster.create(webhook(n)), (cluster, n) -> cluster.delete(webhook(n)),
				Set.of("validatingwebhookconfigurations", "mutatingwebhookconfigurations"), Set.of(), false));
		rows.add(new Row("netpol", "network policies restrict egress in the namespace", "k8s-api-dial-timeout",
				Set.of("network-policies"),
				(n) -> header(n.jobs())
						+ "ERROR: Job failed (system failure): prepare environment: setting up credentials: Post \"https://10.43.0.1:443/api/v1/namespaces/"
						+ n.jobs()
						+ "/secrets\": dial tcp 10.43.0.1:443: i/o timeout. Check https://docs.gitlab.com/runner/shells/#shell-profile-loading for more information\n",
				namespaces(), (cluster, n) -> cluster.create(egressPolicy(n)),
				(cluster, n) -> cluster.delete(egressPolicy(n)), Set.of("networkpolicies"), Set.of(), false));
		return rows;
	}

	static final String HELPER = "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-7178588d";

	private static String header(String namespace) {
		return "Running with gitlab-runner 17.5.0 (c1a2b3d4)\n  on matrix-runner Zx8Yw7Vu, system ID: s_0123456789ab\n"
				+ "Preparing the \"kubernetes\" executor\nUsing Kubernetes namespace: " + namespace + "\n"
				+ "Using Kubernetes executor with image alpine:3.20 ...\nPreparing environment\n";
	}

	private static String waiting(Names n) {
		return "Waiting for pod " + n.jobs() + "/" + n.pod() + " to be running, status is Pending\n";
	}

	private static String forbidden(String accountNamespace, String namespace, String verb, String resource,
			String object) {
		return header(namespace) + "ERROR: Job failed (system failure): prepare environment: setting up credentials: "
				+ (object.isEmpty() ? resource.replaceFirst("/.*", "") + " " : object)
				+ "is forbidden: User \"system:serviceaccount:" + accountNamespace + ":runner\" cannot " + verb
				+ " resource \"" + resource + "\" in API group \"\" in the namespace \"" + namespace + "\"\n";
	}

	private static String clusterScopeForbidden(Names n) {
		return header(n.jobs())
				+ "ERROR: Job failed (system failure): prepare environment: setting up build namespace: failed to create namespace: "
				+ "namespaces is forbidden: User \"system:serviceaccount:" + n.jobs()
				+ ":runner\" cannot create resource \"namespaces\" in API group \"\" at the cluster scope\n";
	}

	// ---- the objects

	private static Step namespaces() {
		return (cluster, n) -> {
			for (String namespace : List.of(n.jobs(), n.other())) {
				cluster.create(namespace(namespace));
				// a bare API server has no controller to create it, and pods need it
				cluster.create(serviceAccount(namespace, "default"));
				cluster.create(serviceAccount(namespace, "runner"));
			}
		};
	}

	private static HasMetadata namespace(String name) {
		return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
	}

	private static HasMetadata serviceAccount(String namespace, String name) {
		return new ServiceAccountBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.build();
	}

	/**
	 * The Role {@code runner} in the job namespace, bound to its account; created or
	 * replaced.
	 */
	private static Step role(String name, String verb, String resources, boolean create) {
		return (cluster, n) -> {
			HasMetadata role = new RoleBuilder().withNewMetadata()
				.withName(name)
				.withNamespace(n.jobs())
				.endMetadata()
				.addNewRule()
				.withApiGroups("")
				.withResources(resources.split(","))
				.withVerbs(verb)
				.endRule()
				.build();
			if (create) {
				cluster.create(role);
				cluster
					.create(TestRbac.roleBinding(name, n.jobs(), "Role", name, "ServiceAccount", "runner", n.jobs()));
			}
			else {
				cluster.update(role);
			}
		};
	}

	/** A Role in a namespace, bound to the runner account of another. */
	private static void roleIn(MatrixCluster cluster, String namespace, String accountNamespace, String verb,
			String resource) {
		cluster.create(new RoleBuilder().withNewMetadata()
			.withName("runner")
			.withNamespace(namespace)
			.endMetadata()
			.addNewRule()
			.withApiGroups("")
			.withResources(resource)
			.withVerbs(verb)
			.endRule()
			.build());
		cluster.create(TestRbac.roleBinding("runner", namespace, "Role", "runner", "ServiceAccount", "runner",
				accountNamespace));
	}

	private static void grantNamespaces(MatrixCluster cluster, Names n) {
		cluster.create(new ClusterRoleBuilder().withNewMetadata()
			.withName("m-namespaces-" + n.suffix())
			.endMetadata()
			.addNewRule()
			.withApiGroups("")
			.withResources("namespaces")
			.withVerbs("create", "delete")
			.endRule()
			.build());
		cluster.create(new ClusterRoleBindingBuilder().withNewMetadata()
			.withName("m-namespaces-" + n.suffix())
			.endMetadata()
			.withNewRoleRef()
			.withApiGroup("rbac.authorization.k8s.io")
			.withKind("ClusterRole")
			.withName("m-namespaces-" + n.suffix())
			.endRoleRef()
			.addNewSubject()
			.withKind("ServiceAccount")
			.withName("runner")
			.withNamespace(n.jobs())
			.endSubject()
			.build());
	}

	private static void grantAnonymous(MatrixCluster cluster, Names n) {
		cluster.create(new RoleBuilder().withNewMetadata()
			.withName("anonymous-secrets")
			.withNamespace(n.jobs())
			.endMetadata()
			.addNewRule()
			.withApiGroups("")
			.withResources("secrets")
			.withVerbs("create")
			.endRule()
			.build());
		cluster.create(TestRbac.roleBinding("anonymous-secrets", n.jobs(), "Role", "anonymous-secrets", "User",
				"system:anonymous", null));
	}

	private static void createPullSecret(MatrixCluster cluster, Names n) {
		cluster.create(new SecretBuilder().withNewMetadata()
			.withName("harbor-pull")
			.withNamespace(n.jobs())
			.endMetadata()
			.withType("kubernetes.io/dockerconfigjson")
			.addToData(".dockerconfigjson", "eyJhdXRocyI6e319")
			.build());
	}

	/**
	 * The quota {@code compute} on pods, used 2, written as the quota controller would.
	 */
	private static void quota(MatrixCluster cluster, Names n, String hard, boolean create) {
		ResourceQuotaBuilder quota = new ResourceQuotaBuilder().withNewMetadata()
			.withName("compute")
			.withNamespace(n.jobs())
			.endMetadata()
			.withNewSpec()
			.addToHard("pods", new Quantity(hard))
			.endSpec();
		if (create) {
			cluster.create(quota.build());
		}
		else {
			cluster.update(quota.build());
		}
		cluster.updateStatus(quota.withNewStatus()
			.addToHard("pods", new Quantity(hard))
			.addToUsed("pods", new Quantity("2"))
			.endStatus()
			.build());
	}

	private static Step pod(Map<String, String> nodeSelector) {
		return (cluster,
				n) -> cluster.create(new PodBuilder().withNewMetadata()
					.withName(n.pod())
					.withNamespace(n.jobs())
					.endMetadata()
					.withNewSpec()
					.withNodeSelector(nodeSelector)
					.addNewContainer()
					.withName("build")
					.withImage("alpine:3.20")
					.withNewResources()
					.addToRequests("cpu", new Quantity("500m"))
					.addToRequests("memory", new Quantity("1Gi"))
					.endResources()
					.endContainer()
					.endSpec()
					.build());
	}

	private static HasMetadata claim(Names n) {
		return new PersistentVolumeClaimBuilder().withNewMetadata()
			.withName("build-pvc")
			.withNamespace(n.jobs())
			.endMetadata()
			.withNewSpec()
			.withAccessModes("ReadWriteOnce")
			.withStorageClassName("standard")
			.withNewResources()
			.addToRequests("storage", new Quantity("1Gi"))
			.endResources()
			.endSpec()
			.build();
	}

	private static void pvcPending(MatrixCluster cluster, Names n) {
		cluster.create(claim(n));
		cluster.podEvent(n.jobs(), n.pod(), "Warning", "FailedScheduling",
				"0/1 nodes are available: 1 pod has unbound immediate PersistentVolumeClaims.");
	}

	private static void pvcBound(MatrixCluster cluster, Names n) {
		// as the binder and the scheduler would: the claim bound, the pod scheduled
		PersistentVolumeClaimBuilder bound = new PersistentVolumeClaimBuilder(
				(io.fabric8.kubernetes.api.model.PersistentVolumeClaim) claim(n));
		cluster.update(bound.editSpec().withVolumeName("pv-" + n.suffix()).endSpec().build());
		cluster.updateStatus(bound.withNewStatus().withPhase("Bound").endStatus().build());
		cluster.deletePodEvents(n.jobs(), n.pod());
		cluster.podEvent(n.jobs(), n.pod(), "Normal", "Scheduled", "Successfully assigned the pod to node-1");
	}

	private static HasMetadata node(Names n, boolean labelled) {
		NodeBuilder node = new NodeBuilder().withNewMetadata()
			.withName("m-node-" + n.suffix())
			.addToLabels("kubernetes.io/arch", "amd64")
			.endMetadata()
			.withNewSpec()
			.endSpec()
			.withNewStatus()
			.addToAllocatable("cpu", new Quantity("4"))
			.addToAllocatable("memory", new Quantity("8Gi"))
			.addToCapacity("cpu", new Quantity("4"))
			.addToCapacity("memory", new Quantity("8Gi"))
			.withNewNodeInfo()
			.withArchitecture("amd64")
			.endNodeInfo()
			.endStatus();
		if (labelled) {
			node.editMetadata().addToLabels("tracedoc-matrix", n.suffix()).endMetadata();
		}
		return node.build();
	}

	private static void unschedulable(MatrixCluster cluster, Names n) {
		HasMetadata node = node(n, false);
		cluster.create(node);
		cluster.updateStatus(node);
		cluster.podEvent(n.jobs(), n.pod(), "Warning", "FailedScheduling",
				"0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.");
	}

	private static void scheduled(MatrixCluster cluster, Names n) {
		cluster.update(node(n, true));
		cluster.deletePodEvents(n.jobs(), n.pod());
		cluster.podEvent(n.jobs(), n.pod(), "Normal", "Scheduled",
				"Successfully assigned " + n.jobs() + "/" + n.pod() + " to m-node-" + n.suffix());
	}

	private static HasMetadata webhook(Names n) {
		// intercepts nothing the matrix does: a resource no one creates, and failures
		// ignored
		return new ValidatingWebhookConfigurationBuilder().withNewMetadata()
			.withName("m-gatekeeper-" + n.suffix())
			.endMetadata()
			.addNewWebhook()
			.withName("validation.gatekeeper.sh")
			.withNewClientConfig()
			.withUrl("https://127.0.0.1:1/validate")
			.endClientConfig()
			.withFailurePolicy("Ignore")
			.withTimeoutSeconds(1)
			.withSideEffects("None")
			.withAdmissionReviewVersions("v1")
			.addNewRule()
			.withApiGroups("tracedoc.example.com")
			.withApiVersions("v1")
			.withResources("nothings")
			.withOperations("CREATE")
			.endRule()
			.endWebhook()
			.build();
	}

	private static HasMetadata egressPolicy(Names n) {
		return new NetworkPolicyBuilder().withNewMetadata()
			.withName("deny-egress")
			.withNamespace(n.jobs())
			.endMetadata()
			.withNewSpec()
			.withNewPodSelector()
			.endPodSelector()
			.withPolicyTypes("Egress")
			.endSpec()
			.build();
	}

}
