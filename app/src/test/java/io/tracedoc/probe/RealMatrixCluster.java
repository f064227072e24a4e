package io.tracedoc.probe;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The matrix on a real API server. Rows write through an admin client; tracedoc probes as
 * its own service account ({@code tracedoc/tracedoc}) bound to the ClusterRoles of
 * {@code docker/kubernetes/tracedoc-probes-rbac.yaml}, or, for the NOT_CHECKED phase, as
 * another account of namespace {@code tracedoc} bound to the same rules minus the
 * resources the row's probes read. Tokens come from the TokenRequest API, which the API
 * server serves without a controller-manager.
 */
final class RealMatrixCluster implements ProbeMatrix.MatrixCluster, AutoCloseable {

	static final String NAMESPACE = "tracedoc";

	private static final Path MANIFEST = Path.of("../docker/kubernetes/tracedoc-probes-rbac.yaml");

	private final KubernetesClient admin;

	private final Path probeKubeconfig;

	private final Map<Set<String>, KubernetesClient> identities = new LinkedHashMap<>();

	private final List<HasMetadata> clusterScoped = new ArrayList<>();

	/**
	 * @param admin a client that may create anything
	 * @param probeKubeconfig tracedoc's own kubeconfig (its service account bound to the
	 * shipped ClusterRole), or {@code null} to make that identity here
	 */
	RealMatrixCluster(KubernetesClient admin, Path probeKubeconfig) {
		this.admin = admin;
		this.probeKubeconfig = probeKubeconfig;
	}

	@Override
	public void create(HasMetadata object) {
		try {
			this.admin.resource(object).create();
		}
		catch (KubernetesClientException ex) {
			// a namespace the row asks for may already be there, nothing else may
			if (ex.getCode() != 409 || !(object instanceof Namespace)) {
				throw ex;
			}
		}
		if (object.getMetadata().getNamespace() == null && !(object instanceof Namespace)) {
			this.clusterScoped.add(object);
		}
	}

	@Override
	public void update(HasMetadata object) {
		this.admin.resource(current(object)).update();
	}

	@Override
	public void updateStatus(HasMetadata object) {
		this.admin.resource(current(object)).updateStatus();
	}

	private HasMetadata current(HasMetadata object) {
		HasMetadata stored = this.admin.resource(object).get();
		object.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
		return object;
	}

	@Override
	public void delete(HasMetadata object) {
		this.admin.resource(object).delete();
		this.clusterScoped.removeIf((created) -> created.getFullResourceName().equals(object.getFullResourceName())
				&& created.getMetadata().getName().equals(object.getMetadata().getName()));
	}

	@Override
	public void podEvent(String namespace, String pod, String type, String reason, String message) {
		String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
		this.admin.v1()
			.events()
			.inNamespace(namespace)
			.resource(new EventBuilder().withNewMetadata()
				.withGenerateName(pod + ".")
				.withNamespace(namespace)
				.endMetadata()
				.withNewInvolvedObject()
				.withApiVersion("v1")
				.withKind("Pod")
				.withName(pod)
				.withNamespace(namespace)
				.endInvolvedObject()
				.withType(type)
				.withReason(reason)
				.withMessage(message)
				.withCount(1)
				.withFirstTimestamp(now)
				.withLastTimestamp(now)
				.withNewSource()
				.withComponent("Scheduled".equals(reason) || "FailedScheduling".equals(reason) ? "default-scheduler"
						: "kubelet")
				.endSource()
				.build())
			.create();
	}

	@Override
	public void deletePodEvents(String namespace, String pod) {
		this.admin.v1().events().inNamespace(namespace).withField("involvedObject.name", pod).delete();
	}

	/** Deletes the cluster-scoped objects the row created (nodes, webhooks, RBAC). */
	void endRow() {
		for (HasMetadata object : this.clusterScoped.reversed()) {
			this.admin.resource(object).delete();
		}
		this.clusterScoped.clear();
	}

	@Override
	public ClusterView tracedoc(Set<String> without) {
		return new FabricClusterView(this.identities.computeIfAbsent(Set.copyOf(without), this::identity));
	}

	@Override
	public ClusterView badToken() {
		return new FabricClusterView(client("not-a-token-the-api-server-issued"));
	}

	private KubernetesClient identity(Set<String> without) {
		if (without.isEmpty() && this.probeKubeconfig != null) {
			return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, this.probeKubeconfig.toFile()))
				.build();
		}
		String name = without.isEmpty() ? "tracedoc" : "tracedoc-without-" + Integer.toHexString(without.hashCode());
		ensure(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build());
		ensure(new ServiceAccountBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(NAMESPACE)
			.endMetadata()
			.build());
		ensure(new ClusterRoleBuilder().withNewMetadata()
			.withName(name)
			.addToLabels("tracedoc-matrix", "true")
			.endMetadata()
			.withRules(shippedRulesWithout(without))
			.build());
		ensure(new ClusterRoleBindingBuilder().withNewMetadata()
			.withName(name)
			.addToLabels("tracedoc-matrix", "true")
			.endMetadata()
			.withNewRoleRef()
			.withApiGroup("rbac.authorization.k8s.io")
			.withKind("ClusterRole")
			.withName(name)
			.endRoleRef()
			.addNewSubject()
			.withKind("ServiceAccount")
			.withName(name)
			.withNamespace(NAMESPACE)
			.endSubject()
			.build());
		String token = this.admin.serviceAccounts()
			.inNamespace(NAMESPACE)
			.withName(name)
			.tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
			.getStatus()
			.getToken();
		return client(token);
	}

	private void ensure(HasMetadata object) {
		try {
			this.admin.resource(object).create();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() != 409) {
				throw ex;
			}
		}
	}

	private KubernetesClient client(String token) {
		Config admin = this.admin.getConfiguration();
		Config config = new ConfigBuilder(Config.empty()).withMasterUrl(admin.getMasterUrl())
			.withCaCertFile(admin.getCaCertFile())
			.withCaCertData(admin.getCaCertData())
			.withOauthToken(token)
			.withRequestTimeout(10_000)
			.withConnectionTimeout(5_000)
			.withRequestRetryBackoffLimit(0)
			.build();
		return new KubernetesClientBuilder().withConfig(config).build();
	}

	/** Every rule of the manifest's ClusterRoles, each without the given resources. */
	private List<PolicyRule> shippedRulesWithout(Set<String> without) {
		try (InputStream manifest = Files.newInputStream(MANIFEST)) {
			List<PolicyRule> rules = new ArrayList<>();
			for (HasMetadata object : this.admin.load(manifest).items()) {
				if (object instanceof ClusterRole role) {
					for (PolicyRule rule : role.getRules()) {
						Set<String> resources = new TreeSet<>(rule.getResources());
						resources.removeAll(without);
						if (!resources.isEmpty()) {
							rules.add(new PolicyRuleBuilder(rule).withResources(List.copyOf(resources)).build());
						}
					}
				}
			}
			return rules;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.identities.values().forEach(KubernetesClient::close);
	}

}
