package io.tracedoc.diagnosis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure in the seed field notes tracedoc was created from is diagnosed, with the
 * right category and pattern. The seed logs are the grammar's golden examples
 * ({@code grammar/src/test/resources/examples/seed-*}).
 */
class SeedDiagnosisTests {

	private static final Path SEEDS = Path.of("../grammar/src/test/resources/examples");

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(PatternLoader.loadBundled());

	/** Seed log → expected "category pattern" of the verdict. */
	private static final Map<String, String> EXPECTED = Map.ofEntries(
			Map.entry("seed-000-secrets-forbidden-ui-copy.log", "k8s-rbac-forbidden k8s-rbac-forbidden"),
			Map.entry("seed-000-ssl-error-syscall-ui-copy.log", "git-connection-failed git-ssl-error-syscall"),
			Map.entry("seed-000-succeeded-escapes-stripped.log", "job-succeeded -"),
			Map.entry("seed-002-host-unreachable-escapes-stripped.log", "git-connection-failed git-connect-failed"),
			Map.entry("seed-004-1-no-kube-config-wrapped.log", "k8s-api-config-missing k8s-no-kube-config"),
			Map.entry("seed-004-2-x509-api-wrapped.log", "k8s-api-tls-untrusted k8s-api-x509-unknown-authority"),
			Map.entry("seed-004-3-anonymous-wrapped.log", "k8s-api-anonymous k8s-api-anonymous"),
			Map.entry("seed-004-4-unauthorized-wrapped.log", "k8s-api-unauthorized k8s-api-unauthorized"),
			Map.entry("seed-004-5-forbidden-other-namespace-wrapped.log",
					"k8s-rbac-forbidden k8s-rbac-bound-in-other-namespace"),
			Map.entry("seed-004-6-forbidden-no-rolebinding-wrapped.log", "k8s-rbac-forbidden k8s-rbac-forbidden"),
			Map.entry("seed-004-7-helper-pull-refused-wrapped.log",
					"helper-image-pull-failed helper-image-pull-failed"),
			Map.entry("seed-004-8-pod-start-timeout-wrapped.log", "pod-start-timeout pod-start-timeout"));

	@TestFactory
	Stream<DynamicTest> diagnosesEverySeedFailure() {
		return EXPECTED.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> DynamicTest.dynamicTest(entry.getKey(), () -> {
				Diagnosis diagnosis = ENGINE.diagnose(Files.readAllBytes(SEEDS.resolve(entry.getKey())));
				String verdict = diagnosis.category().id() + " "
						+ ((diagnosis.top() != null) ? diagnosis.top().pattern() : "-");
				assertThat(verdict).isEqualTo(entry.getValue());
			}));
	}

	@Test
	void coversEverySeedLogThatShowsAFailure() throws IOException {
		try (Stream<Path> files = Files.list(SEEDS)) {
			assertThat(files.map((path) -> path.getFileName().toString())
				.filter((name) -> name.startsWith("seed-") && name.endsWith(".log"))
				.filter((name) -> !name.contains("runner-manager") && !name.contains("fixed-fragment")))
				.containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
		}
	}

	@Test
	void rendersTheSeedsRoleBindingForTheNamespaceAndServiceAccountInTheMessage() throws IOException {
		Diagnosis diagnosis = ENGINE
			.diagnose(Files.readAllBytes(SEEDS.resolve("seed-000-secrets-forbidden-ui-copy.log")));
		String roleBinding = diagnosis.top()
			.fix()
			.stream()
			.filter((fix) -> fix.kind().id().equals("kubernetes-yaml"))
			.findFirst()
			.orElseThrow()
			.content();
		assertThat(roleBinding).contains("kind: RoleBinding", "namespace: cicd", "name: default",
				"resources: [\"secrets\"]", "verbs: [\"create\"]", "apiGroups: [\"\"]");
	}

}
