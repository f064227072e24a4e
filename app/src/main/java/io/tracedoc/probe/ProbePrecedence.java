package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;

/**
 * What a finding's checks say together, and which of them decide when they disagree. This
 * is the one place that rule lives; {@link ProbeResults} applies it.
 *
 * <ol>
 * <li>A check that answered nothing (NOT_CHECKED) takes no part.</li>
 * <li>Checks are grouped by the question they answer. Every RBAC probe answers "may this
 * identity do what the log says it was refused?" ({@link #PERMISSION_PROBES}); any other
 * check answers its own question (its probe with its arguments).</li>
 * <li>Within a question, the check that rests on more decides ({@link Basis}): the API
 * server's own access review beats a complete read of the bindings and roles, which beats
 * reading objects, which beats context. A check that a check resting on more disagrees
 * with is overruled: it is kept and shown, with the probe that overruled it, but counts
 * for nothing.</li>
 * <li>Context (where an identity is bound) never decides: a question that only context
 * answered has no verdict. "Bound somewhere" is not "allowed".</li>
 * <li>Checks of the same basis in one question that disagree both stand.</li>
 * <li>Across questions: a standing CONFIRMED keeps the finding (a standing RULED_OUT
 * beside it only lowers its confidence, as a pattern may check several possible causes);
 * only standing RULED_OUT answers rule it out; with none standing it stays
 * NOT_CHECKED.</li>
 * </ol>
 */
final class ProbePrecedence {

	/** The probes that all answer whether an identity has a permission. */
	static final Set<String> PERMISSION_PROBES = Set.of("rbac-access-review", "rbac-bindings");

	private ProbePrecedence() {
	}

	/**
	 * What an answer rests on, weakest first.
	 */
	enum Basis {

		/**
		 * Facts around the finding that do not decide it (where an identity is bound).
		 */
		CONTEXT("context"),

		/** The objects the check names, read. */
		OBJECTS("objects"),

		/** Every binding and role that could grant the request, read and evaluated. */
		RBAC_RULES("rbac-rules"),

		/** The API server's own authorization decision (a SubjectAccessReview). */
		ACCESS_REVIEW("access-review");

		private final String id;

		Basis(String id) {
			this.id = id;
		}

		String id() {
			return this.id;
		}

		/**
		 * @param check a check
		 * @return its basis; one that names none rests on the objects it read
		 */
		static Basis of(ProbeCheck check) {
			for (Basis basis : values()) {
				if (basis.id.equals(check.basis())) {
					return basis;
				}
			}
			return OBJECTS;
		}

	}

	/**
	 * @param status CONFIRMED, RULED_OUT or NOT_CHECKED for the finding
	 * @param checks every check, in the pattern's order, the overruled ones marked
	 * @param confirming the standing CONFIRMED checks
	 * @param contradicting the standing RULED_OUT checks
	 */
	record Decision(ProbeStatus status, List<ProbeCheck> checks, List<ProbeCheck> confirming,
			List<ProbeCheck> contradicting) {

	}

	/**
	 * @param checks a finding's judged checks
	 * @return what they say together
	 */
	static Decision decide(List<ProbeCheck> checks) {
		Map<String, List<Integer>> questions = new LinkedHashMap<>();
		for (int i = 0; i < checks.size(); i++) {
			ProbeCheck check = checks.get(i);
			if (check.status() != ProbeStatus.NOT_CHECKED) {
				questions.computeIfAbsent(question(check), (key) -> new ArrayList<>()).add(i);
			}
		}
		List<ProbeCheck> marked = new ArrayList<>(checks);
		List<ProbeCheck> confirming = new ArrayList<>();
		List<ProbeCheck> contradicting = new ArrayList<>();
		for (List<Integer> answers : questions.values()) {
			Basis strongest = answers.stream().map((i) -> Basis.of(checks.get(i))).max(Basis::compareTo).orElseThrow();
			for (int i : answers) {
				ProbeCheck check = checks.get(i);
				Basis basis = Basis.of(check);
				if (basis == strongest) {
					if (basis != Basis.CONTEXT) {
						(check.status() == ProbeStatus.CONFIRMED ? confirming : contradicting).add(check);
					}
					continue;
				}
				// a weaker answer that agrees with every strongest one is not overruled,
				// only
				// outweighed; one that disagrees is
				answers.stream()
					.map(checks::get)
					.filter((other) -> Basis.of(other) == strongest && other.status() != check.status())
					.findFirst()
					.ifPresent((other) -> marked.set(i, check.overruledBy(other.probe())));
			}
		}
		ProbeStatus status = !confirming.isEmpty() ? ProbeStatus.CONFIRMED
				: !contradicting.isEmpty() ? ProbeStatus.RULED_OUT : ProbeStatus.NOT_CHECKED;
		return new Decision(status, List.copyOf(marked), List.copyOf(confirming), List.copyOf(contradicting));
	}

	private static String question(ProbeCheck check) {
		return PERMISSION_PROBES.contains(check.probe()) ? "permission" : check.probe() + " " + check.arguments();
	}

}
