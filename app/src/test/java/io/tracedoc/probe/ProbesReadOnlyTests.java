package io.tracedoc.probe;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes are read-only: every request they send, in every pattern's scenario, is a
 * read or an access review that the shipped ClusterRole grants; and the view they get has
 * no other way in.
 */
@EnableKubernetesMockClient(crud = true)
class ProbesReadOnlyTests {

	private static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	/** A read, or the creation of an access review (which changes nothing). */
	private static final String MANIFEST = "../docker/kubernetes/tracedoc-probes-rbac.yaml";

	private static final String ALLOWED = "GET /.*|POST /apis/authorization\\.k8s\\.io/v1/(self)?subjectaccessreviews";

	KubernetesMockServer server;

	KubernetesClient client;

	@Test
	void sendOnlyReadsAndAccessReviewsThatTheShippedClusterRoleGrants() throws Exception {
		DiagnosisEngine engine = new DiagnosisEngine(CATALOG);
		List<String> requests = new ArrayList<>();
		for (FailurePattern pattern : CATALOG.patterns()) {
			if (pattern.confirm().isEmpty()) {
				continue;
			}
			PatternScenario scenario = PatternScenario.of(pattern, engine).orElseThrow();
			for (boolean confirming : List.of(true, false)) {
				MockCluster cluster = new MockCluster(this.server, this.client);
				ClusterProbing probing = scenario.arrange(cluster, confirming, CATALOG);
				cluster.forgetRequests();
				probing.confirm(scenario.diagnosis(), JobContext.of(JobContext.Source.API));
				requests.addAll(cluster.requests());
			}
		}
		assertThat(requests).allSatisfy((request) -> assertThat(request).matches(ALLOWED));
		// the record covers what the probes read, so the assertion above means something
		assertThat(requests).anyMatch((r) -> r.startsWith("GET /api/v1/namespaces/") && r.contains("/pods/"))
			.anyMatch((r) -> r.contains("/events?fieldSelector=involvedObject.name"))
			.anyMatch((r) -> r.startsWith("GET /api/v1/nodes"))
			.anyMatch((r) -> r.startsWith("GET /api/v1/configmaps?labelSelector=heritage"))
			.anyMatch((r) -> r.startsWith("GET /apis/rbac.authorization.k8s.io/v1/rolebindings"))
			.anyMatch((r) -> r.startsWith("GET /apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations"))
			.anyMatch((r) -> r.startsWith("POST /apis/authorization.k8s.io/v1/subjectaccessreviews"));
		List<PolicyRule> granted = shippedRules();
		assertThat(requests).allSatisfy((request) -> assertThat(granted).as("docker/kubernetes grants %s", request)
			.anyMatch(asRbacRequest(request)::grantedBy));
	}

	/** The rules of every ClusterRole in the manifest the deployment ships with. */
	private List<PolicyRule> shippedRules() throws Exception {
		try (InputStream manifest = Files.newInputStream(Path.of(MANIFEST))) {
			return this.client.load(manifest)
				.items()
				.stream()
				.filter(ClusterRole.class::isInstance)
				.flatMap((role) -> ((ClusterRole) role).getRules().stream())
				.toList();
		}
	}

	/**
	 * {@code GET /apis/apps/v1/namespaces/ci/deployments?labelSelector=...} as list
	 * deployments in apps.
	 */
	private static Rbac.Request asRbacRequest(String request) {
		String method = request.substring(0, request.indexOf(' '));
		String path = request.substring(method.length() + 1).replaceFirst("\\?.*", "");
		List<String> parts = List.of(path.substring(1).split("/"));
		String group = parts.get(0).equals("api") ? "" : parts.get(1);
		List<String> rest = parts.subList(parts.get(0).equals("api") ? 2 : 3, parts.size());
		boolean namespaced = rest.get(0).equals("namespaces") && rest.size() >= 3;
		String resource = namespaced ? rest.get(2) : rest.get(0);
		boolean named = rest.size() > (namespaced ? 3 : 1);
		String verb = method.equals("POST") ? "create" : named ? "get" : "list";
		return new Rbac.Request(verb, group, resource, namespaced ? rest.get(1) : null);
	}

	@Test
	void giveProbesAViewThatCanOnlyReadAndAskAccessReviews() {
		assertThat(Arrays.stream(ClusterView.class.getMethods()).map(Method::getName).distinct())
			.containsExactlyInAnyOrder("get", "list", "review");
	}

}
