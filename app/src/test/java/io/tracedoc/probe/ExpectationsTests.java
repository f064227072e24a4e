package io.tracedoc.probe;

import java.util.List;
import java.util.Map;

import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Expectations}: how an observation and a pattern's {@code expect} make
 * a result.
 */
class ExpectationsTests {

	private static final Observation POD = new Observation(Map.of("exists", true, "phase", "Running", "exit-code", 137),
			List.of("Pod ci/runner-1: phase Running"), "Pod ci/runner-1 is Running");

	@Test
	void confirmsWhenEveryExpectedFieldHasTheExpectedValue() {
		ProbeCheck judged = Expectations.judge(check(Map.of("exists", true, "exit-code", 137)), POD);
		assertThat(judged.status()).isEqualTo(ProbeStatus.CONFIRMED);
		assertThat(judged.reason()).isEqualTo("Pod ci/runner-1 is Running");
		assertThat(judged.observed()).isEqualTo(POD.observed());
		assertThat(judged.evidence()).isEqualTo(POD.evidence());
	}

	@Test
	void rulesOutWhenAFieldContradictsEvenIfAnotherWasNotObserved() {
		ProbeCheck judged = Expectations.judge(check(Map.of("phase", "Pending", "waiting-reason", "ErrImagePull")),
				POD);
		assertThat(judged.status()).isEqualTo(ProbeStatus.RULED_OUT);
		assertThat(judged.reason()).isEqualTo("Pod ci/runner-1 is Running (phase is Running, not Pending)");
	}

	@Test
	void checksNothingWhenAnExpectedFieldWasNotObserved() {
		ProbeCheck judged = Expectations.judge(check(Map.of("waiting-reason", "ErrImagePull")), POD);
		assertThat(judged.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
		assertThat(judged.reason()).endsWith("(waiting-reason could not be observed)");
	}

	@Test
	void checksNothingWhenTheLogDidNotGiveTheExpectedValue() {
		ProbeCheck judged = Expectations.judge(check(Map.of("phase", "<level>")), POD);
		assertThat(judged.status()).isEqualTo(ProbeStatus.NOT_CHECKED);
		assertThat(judged.reason()).endsWith("(the log does not say which phase to expect)");
	}

	private static ProbeCheck check(Map<String, Object> expect) {
		return new ProbeCheck("build-pod-status", Map.of("namespace", "ci", "pod", "runner-1"), expect,
				ProbeStatus.NOT_CHECKED, "probes have not run", Map.of(), List.of());
	}

}
