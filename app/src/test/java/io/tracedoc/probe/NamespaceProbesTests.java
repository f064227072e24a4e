package io.tracedoc.probe;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the probes of what a namespace holds: {@link SecretExistsProbe},
 * {@link NamespaceExistsProbe}, {@link ResourceQuotaProbe} and
 * {@link AdmissionWebhooksProbe}.
 */
@EnableKubernetesMockClient(crud = true)
class NamespaceProbesTests {

	KubernetesMockServer server;

	KubernetesClient client;

	private MockCluster cluster;

	@BeforeEach
	void cluster() {
		this.cluster = new MockCluster(this.server, this.client);
	}

	@Test
	void tellsTheSecretsTypeAndNeverItsData() {
		this.cluster.create(new SecretBuilder().withNewMetadata()
			.withName("regcred")
			.withNamespace("ci")
			.endMetadata()
			.withType("kubernetes.io/dockerconfigjson")
			.addToData(".dockerconfigjson", "eyJhdXRocyI6eyJyZWdpc3RyeSI6eyJhdXRoIjoiYzJWamNtVjAifX19")
			.build());
		Observation observation = observe(new SecretExistsProbe(), Map.of("namespace", "ci", "secret", "regcred"));
		assertThat(observation.observed()).containsEntry("exists", true)
			.containsEntry("type", "kubernetes.io/dockerconfigjson");
		assertThat(observation.toString()).doesNotContain("eyJhdXRocyI6");
	}

	@Test
	void readsTheEnforcedPodSecurityLevelOrSaysItIsTheClusterDefault() {
		this.cluster.namespace("strict", Map.of(NamespaceExistsProbe.ENFORCE_LABEL, "restricted"));
		this.cluster.namespace("plain", Map.of());
		assertThat(observe(new NamespaceExistsProbe(), Map.of("namespace", "strict")).observed())
			.containsEntry("pod-security-enforce", "restricted");
		Observation plain = observe(new NamespaceExistsProbe(), Map.of("namespace", "plain"));
		assertThat(plain.observed()).containsOnlyKeys("exists");
		assertThat(plain.summary()).contains("the cluster's default level applies");
		assertThat(observe(new NamespaceExistsProbe(), Map.of("namespace", "gone")).observed()).containsEntry("exists",
				false);
	}

	@Test
	void needsLimitsOnlyWhenNoLimitRangeGivesADefault() {
		this.cluster.create(new ResourceQuotaBuilder().withNewMetadata()
			.withName("compute")
			.withNamespace("ci")
			.endMetadata()
			.withNewSpec()
			.addToHard("limits.memory", new Quantity("16Gi"))
			.addToHard("pods", new Quantity("10"))
			.endSpec()
			.withNewStatus()
			.addToUsed("limits.memory", new Quantity("4Gi"))
			.addToUsed("pods", new Quantity("10"))
			.endStatus()
			.build());
		Observation observation = observe(new ResourceQuotaProbe(), Map.of("namespace", "ci"));
		assertThat(observation.observed()).containsEntry("requires-limits", true)
			.containsEntry("exhausted", true)
			.containsEntry("quotas", List.of("compute: limits.memory 4Gi/16Gi, pods 10/10"));
		assertThat(observe(new ResourceQuotaProbe(), Map.of("namespace", "ci", "resource", "memory")).observed())
			.as("only quotas on the refused resource count as used up")
			.containsEntry("exhausted", false);
		this.cluster.create(new LimitRangeBuilder().withNewMetadata()
			.withName("defaults")
			.withNamespace("ci")
			.endMetadata()
			.withNewSpec()
			.addNewLimit()
			.withType("Container")
			.addToDefault("memory", new Quantity("512Mi"))
			.endLimit()
			.endSpec()
			.build());
		assertThat(observe(new ResourceQuotaProbe(), Map.of("namespace", "ci")).observed())
			.containsEntry("requires-limits", false)
			.containsEntry("has-limit-range", true);
	}

	@Test
	void findsTheWebhookThatInterceptsPodsOnlyWhereItsNamespaceSelectorReaches() {
		this.cluster.namespace("ci", Map.of("team", "ci"));
		this.cluster.namespace("web", Map.of("team", "web"));
		this.cluster.create(new ValidatingWebhookConfigurationBuilder().withNewMetadata()
			.withName("gatekeeper")
			.endMetadata()
			.addNewWebhook()
			.withName("validation.gatekeeper.sh")
			.withFailurePolicy("Ignore")
			.withSideEffects("None")
			.withAdmissionReviewVersions("v1")
			.withNewNamespaceSelector()
			.addNewMatchExpression()
			.withKey("team")
			.withOperator("NotIn")
			.withValues("ci")
			.endMatchExpression()
			.endNamespaceSelector()
			.addNewRule()
			.withApiGroups("")
			.withApiVersions("v1")
			.withResources("pods")
			.withOperations("CREATE")
			.endRule()
			.endWebhook()
			.build());
		assertThat(observe(new AdmissionWebhooksProbe(), Map.of("namespace", "web")).observed())
			.containsEntry("found", true)
			.containsEntry("failure-policy", "Ignore")
			.containsEntry("timeout-seconds", 10);
		assertThat(observe(new AdmissionWebhooksProbe(), Map.of("namespace", "ci")).observed()).containsEntry("found",
				false);
		assertThat(observe(new AdmissionWebhooksProbe(), Map.of("webhook", "validation.gatekeeper.sh")).observed())
			.containsEntry("found", true);
	}

	private Observation observe(Probe probe, Map<String, String> arguments) {
		return probe.observe(ProbeArguments.of(arguments), new FabricClusterView(this.client));
	}

}
