package io.tracedoc.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SampleLogs}: the home page's samples are the seed logs, each one a
 * different failure that tracedoc diagnoses.
 */
class SampleLogsTests {

	private static final Path SAMPLES = Path.of("src/main/resources/samples");

	private static final Path EXAMPLES = Path.of("../grammar/src/test/resources/examples");

	/** Sample → the category its diagnosis names. */
	private static final Map<String, String> CATEGORIES = Map.ofEntries(
			Map.entry("seed-000-secrets-forbidden-ui-copy", "k8s-rbac-forbidden"),
			Map.entry("seed-000-ssl-error-syscall-ui-copy", "git-connection-failed"),
			Map.entry("seed-002-host-unreachable-escapes-stripped", "git-connection-failed"),
			Map.entry("seed-004-1-no-kube-config-wrapped", "k8s-api-config-missing"),
			Map.entry("seed-004-2-x509-api-wrapped", "k8s-api-tls-untrusted"),
			Map.entry("seed-004-3-anonymous-wrapped", "k8s-api-anonymous"),
			Map.entry("seed-004-4-unauthorized-wrapped", "k8s-api-unauthorized"),
			Map.entry("seed-004-5-forbidden-other-namespace-wrapped", "k8s-rbac-forbidden"),
			Map.entry("seed-004-7-helper-pull-refused-wrapped", "helper-image-pull-failed"),
			Map.entry("seed-004-8-pod-start-timeout-wrapped", "pod-start-timeout"),
			Map.entry("k8s-17-failed-get-sources-retried", "git-dns-failure"));

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(PatternLoader.loadBundled());

	private final SampleLogs samples = new SampleLogs();

	@Test
	void diagnosesEverySampleAsTheFailureItShows() {
		assertThat(this.samples.all()).extracting(SampleLogs.Sample::name)
			.containsExactlyInAnyOrderElementsOf(CATEGORIES.keySet());
		for (SampleLogs.Sample sample : this.samples.all()) {
			Diagnosis diagnosis = ENGINE.diagnose(sample.log());
			assertThat(diagnosis.category().id()).as(sample.name()).isEqualTo(CATEGORIES.get(sample.name()));
			assertThat(diagnosis.top().pattern()).as(sample.name()).isNotNull();
		}
	}

	@Test
	void showsEachFailureOnce() {
		assertThat(this.samples.all().stream().map((sample) -> ENGINE.diagnose(sample.log()).top().pattern()))
			.doesNotHaveDuplicates();
	}

	@Test
	void listsEverySampleFileAndCopiesItByteForByte() throws IOException {
		try (Stream<Path> files = Files.list(SAMPLES)) {
			assertThat(files.map((path) -> path.getFileName().toString())
				.filter((name) -> name.endsWith(".log"))
				.map((name) -> name.replaceFirst("\\.log$", "")))
				.containsExactlyInAnyOrderElementsOf(CATEGORIES.keySet());
		}
		for (SampleLogs.Sample sample : this.samples.all()) {
			assertThat(sample.log()).as(sample.name())
				.isEqualTo(Files.readAllBytes(EXAMPLES.resolve(sample.name() + ".log")));
			assertThat(sample.title()).isNotBlank();
			assertThat(sample.shape()).isNotBlank();
		}
	}

	@Test
	void findsASampleByNameAndNothingElse() {
		assertThat(this.samples.find("seed-004-8-pod-start-timeout-wrapped")).isPresent();
		assertThat(this.samples.find("../application")).isEmpty();
		assertThat(this.samples.find("samples")).isEmpty();
	}

	@Test
	void failsTheStartWhenTheIndexNamesAMissingFile() {
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> new SampleLogs("samples-test/broken-index.yaml"))
			.withMessageContaining("names gone.log, which is missing");
	}

}
