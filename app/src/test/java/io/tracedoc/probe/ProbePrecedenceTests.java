package io.tracedoc.probe;

import java.util.List;
import java.util.Map;

import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;
import io.tracedoc.probe.ProbePrecedence.Decision;
import org.junit.jupiter.api.Test;

import static io.tracedoc.diagnosis.ProbeStatus.CONFIRMED;
import static io.tracedoc.diagnosis.ProbeStatus.NOT_CHECKED;
import static io.tracedoc.diagnosis.ProbeStatus.RULED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProbePrecedence}.
 */
class ProbePrecedenceTests {

	@Test
	void letsAnAccessReviewThatSaysDeniedOverruleABindingInTheNamespace() {
		Decision decision = ProbePrecedence
			.decide(List.of(check("rbac-access-review", CONFIRMED, "access-review"), bindings(RULED_OUT)));
		assertThat(decision.status()).isEqualTo(CONFIRMED);
		assertThat(decision.checks()).extracting(ProbeCheck::overruledBy).containsExactly(null, "rbac-access-review");
		assertThat(decision.contradicting()).isEmpty();
	}

	@Test
	void letsAnAccessReviewThatSaysAllowedOverruleNoBindingInTheNamespace() {
		// allowed through a group binding the bindings probe does not count as the
		// account's
		Decision decision = ProbePrecedence
			.decide(List.of(bindings(CONFIRMED), check("rbac-access-review", RULED_OUT, "access-review")));
		assertThat(decision.status()).isEqualTo(RULED_OUT);
		assertThat(decision.checks()).extracting(ProbeCheck::overruledBy).containsExactly("rbac-access-review", null);
	}

	@Test
	void letsACompleteBindingsReadOverruleContext() {
		Decision decision = ProbePrecedence
			.decide(List.of(check("rbac-access-review", CONFIRMED, "rbac-rules"), bindings(RULED_OUT)));
		assertThat(decision.status()).isEqualTo(CONFIRMED);
		assertThat(decision.checks().get(1).overruledBy()).isEqualTo("rbac-access-review");
	}

	@Test
	void neverDecidesOnContextAlone() {
		Decision contradicted = ProbePrecedence
			.decide(List.of(check("rbac-access-review", NOT_CHECKED, null), bindings(RULED_OUT)));
		assertThat(contradicted.status()).isEqualTo(NOT_CHECKED);
		assertThat(contradicted.checks()).extracting(ProbeCheck::overruledBy).containsOnlyNulls();
		assertThat(ProbePrecedence.decide(List.of(bindings(CONFIRMED))).status()).isEqualTo(NOT_CHECKED);
	}

	@Test
	void leavesAWeakerAnswerThatAgreesNotOverruled() {
		Decision decision = ProbePrecedence
			.decide(List.of(check("rbac-access-review", CONFIRMED, "access-review"), bindings(CONFIRMED)));
		assertThat(decision.status()).isEqualTo(CONFIRMED);
		assertThat(decision.checks()).extracting(ProbeCheck::overruledBy).containsOnlyNulls();
		assertThat(decision.confirming()).extracting(ProbeCheck::probe).containsExactly("rbac-access-review");
	}

	@Test
	void keepsAFindingOneQuestionConfirmsAndAnotherContradicts() {
		// different questions: the pod exists, the permission is there; both stand
		Decision decision = ProbePrecedence.decide(List.of(check("rbac-access-review", RULED_OUT, "access-review"),
				check("build-pod-status", CONFIRMED, "objects")));
		assertThat(decision.status()).isEqualTo(CONFIRMED);
		assertThat(decision.confirming()).extracting(ProbeCheck::probe).containsExactly("build-pod-status");
		assertThat(decision.contradicting()).extracting(ProbeCheck::probe).containsExactly("rbac-access-review");
		assertThat(decision.checks()).extracting(ProbeCheck::overruledBy).containsOnlyNulls();
	}

	@Test
	void rulesOutOnlyWhenEveryStandingAnswerContradicts() {
		assertThat(ProbePrecedence
			.decide(List.of(check("pod-events", RULED_OUT, "objects"), check("build-pod-status", RULED_OUT, null)))
			.status()).isEqualTo(RULED_OUT);
		assertThat(ProbePrecedence
			.decide(List.of(check("pod-events", RULED_OUT, "objects"), check("build-pod-status", NOT_CHECKED, null)))
			.status()).isEqualTo(RULED_OUT);
		assertThat(ProbePrecedence.decide(List.of(check("pod-events", NOT_CHECKED, null))).status())
			.isEqualTo(NOT_CHECKED);
		assertThat(ProbePrecedence.decide(List.of()).status()).isEqualTo(NOT_CHECKED);
	}

	@Test
	void treatsTwoChecksOfOneProbeWithOtherArgumentsAsTwoQuestions() {
		ProbeCheck cert = check("runner-config", CONFIRMED, "objects");
		ProbeCheck key = new ProbeCheck("runner-config", Map.of("setting", "key_file"), Map.of("present", false),
				RULED_OUT, "sets key_file", Map.of(), List.of(), "objects", null);
		Decision decision = ProbePrecedence.decide(List.of(cert, key));
		assertThat(decision.confirming()).hasSize(1);
		assertThat(decision.contradicting()).hasSize(1);
	}

	private static ProbeCheck bindings(ProbeStatus status) {
		return check("rbac-bindings", status, "context");
	}

	private static ProbeCheck check(String probe, ProbeStatus status, String basis) {
		return new ProbeCheck(probe, Map.of("namespace", "cicd"), Map.of("allowed", false), status,
				probe + " says " + status, Map.of(), List.of(), basis, null);
	}

}
