package io.tracedoc.probe;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * read or an access review; and the view they get has no other way in.
 */
@EnableKubernetesMockClient(crud = true)
class ProbesReadOnlyTests {

	private static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	/** A read, or the creation of an access review (which changes nothing). */
	private static final String ALLOWED = "GET /.*|POST /apis/authorization\\.k8s\\.io/v1/(self)?subjectaccessreviews";

	KubernetesMockServer server;

	KubernetesClient client;

	@Test
	void sendOnlyReadsAndAccessReviewsInEveryPatternScenario() throws InterruptedException {
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
	}

	@Test
	void giveProbesAViewThatCanOnlyReadAndAskAccessReviews() {
		assertThat(Arrays.stream(ClusterView.class.getMethods()).map(Method::getName).distinct())
			.containsExactlyInAnyOrder("get", "list", "review");
	}

}
