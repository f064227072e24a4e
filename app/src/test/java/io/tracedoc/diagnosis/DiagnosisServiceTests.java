package io.tracedoc.diagnosis;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DiagnosisService} with the in-memory store and no cluster.
 */
class DiagnosisServiceTests {

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(PatternLoader.loadBundled());

	private static final String LOG = "Running with gitlab-runner 13.12.0 (7a6612da)\n"
			+ "export TOKEN=glpat-AbCdEfGhIjKlMnOpQrSt\n"
			+ "ERROR: Job failed (system failure): prepare environment: secrets is forbidden: User \"system:serviceaccount:cicd:default\" "
			+ "cannot create resource \"secrets\" in API group \"\" in the namespace \"cicd\"\n";

	private final InMemoryDiagnosisStore store = new InMemoryDiagnosisStore(2, 1_000);

	private final List<Object> events = new ArrayList<>();

	@Test
	void storesTheDiagnosisWithItsIdAndTheRedactedLogAndAnnouncesIt() throws Exception {
		StoredDiagnosis stored = service(1_000_000).diagnose(input(LOG), JobContext.of(JobContext.Source.PASTE));
		assertThat(stored.diagnosis().id()).isEqualTo(stored.id());
		assertThat(DiagnosisIds.plausible(stored.id())).isTrue();
		assertThat(stored.diagnosis().category().id()).isEqualTo("k8s-rbac-forbidden");
		assertThat(this.store.find(stored.id())).contains(stored);
		DiagnosisStore.LogPage page = this.store.log(stored.id(), 0, 10).orElseThrow();
		assertThat(page.totalLines()).isEqualTo(3);
		assertThat(page.lines().get(1).text()).isEqualTo("export TOKEN=[REDACTED]");
		assertThat(this.events).containsExactly(new DiagnosisCompleted(stored));
	}

	@Test
	void saysWhyNoProbeRanWhenNoClusterIsConfigured() throws Exception {
		StoredDiagnosis stored = service(1_000_000).diagnose(input(LOG), JobContext.of(JobContext.Source.API));
		assertThat(stored.diagnosis().top().probes()).allSatisfy((probe) -> {
			assertThat(probe.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
			assertThat(probe.reason()).isEqualTo("no Kubernetes cluster is configured");
		});
	}

	@Test
	void refusesALogOverTheLimitAndStoresNothing() {
		assertThatExceptionOfType(LogTooLargeException.class)
			.isThrownBy(() -> service(100).diagnose(input(LOG), JobContext.of(JobContext.Source.API)))
			.satisfies((ex) -> assertThat(ex.limitBytes()).isEqualTo(100));
		assertThat(this.events).isEmpty();
	}

	@Test
	void acceptsALogOfExactlyTheLimit() throws Exception {
		byte[] log = LOG.getBytes(StandardCharsets.UTF_8);
		assertThat(service(log.length).diagnose(new ByteArrayInputStream(log), JobContext.of(JobContext.Source.API)))
			.isNotNull();
	}

	@Test
	void forgetsTheOldestDiagnosisBeyondItsBound() throws Exception {
		DiagnosisService service = service(1_000_000);
		StoredDiagnosis first = service.diagnose(input(LOG), JobContext.of(JobContext.Source.API));
		service.diagnose(input(LOG), JobContext.of(JobContext.Source.API));
		StoredDiagnosis third = service.diagnose(input(LOG), JobContext.of(JobContext.Source.API));
		assertThat(service.find(first.id())).isEmpty();
		assertThat(service.find(third.id())).isPresent();
	}

	@Test
	void looksUpNothingForAnIdOfTheWrongShape() {
		assertThat(service(1).find("../../etc/passwd")).isEmpty();
		assertThat(service(1).log("<script>", 0, 10)).isEmpty();
	}

	private DiagnosisService service(long maxBytes) {
		return new DiagnosisService(ENGINE, Probing.none("no Kubernetes cluster is configured"), this.store,
				this.events::add, maxBytes);
	}

	private static ByteArrayInputStream input(String log) {
		return new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8));
	}

}
