package io.tracedoc.diagnosis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only check against the cluster that confirms or rules out a finding, and what it
 * found.
 *
 * @param probe the probe id (declared in {@code patterns/schema/probes.yaml})
 * @param arguments the probe's arguments, rendered from the finding's captures
 * @param expect the observed values that would confirm the finding
 * @param status the result
 * @param reason one sentence: why this status (what was observed, or why nothing was
 * checked)
 * @param observed what the probe saw, by field
 * @param evidence the objects the probe read, for the record
 * ({@code Pod cicd/runner-...: phase Pending})
 * @param basis what the answer rests on, which decides between checks of one finding that
 * disagree: {@code access-review} (the API server's own decision), {@code rbac-rules}
 * (every binding and role that could grant the request, read and evaluated),
 * {@code objects} (the objects the check names), {@code context} (facts around the
 * finding that never decide it, such as where an identity is bound); {@code null} when
 * nothing was observed
 * @param overruledBy the probe whose answer, resting on more, overrules this one, or
 * {@code null} when this answer stands
 */
public record ProbeCheck(String probe, Map<String, String> arguments, Map<String, Object> expect, ProbeStatus status,
		String reason, Map<String, Object> observed, List<String> evidence, String basis, String overruledBy) {

	public ProbeCheck {
		// in the order the pattern and the probe wrote them, for the reader of the JSON
		arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
		expect = Collections.unmodifiableMap(new LinkedHashMap<>(expect));
		observed = Collections.unmodifiableMap(new LinkedHashMap<>(observed));
		evidence = List.copyOf(evidence);
	}

	/**
	 * A check without a basis, not overruled.
	 * @param probe the probe id
	 * @param arguments the probe's arguments
	 * @param expect the observed values that would confirm the finding
	 * @param status the result
	 * @param reason why
	 * @param observed what the probe saw
	 * @param evidence the objects it read
	 */
	public ProbeCheck(String probe, Map<String, String> arguments, Map<String, Object> expect, ProbeStatus status,
			String reason, Map<String, Object> observed, List<String> evidence) {
		this(probe, arguments, expect, status, reason, observed, evidence, null, null);
	}

	/**
	 * @param status the result
	 * @param reason why
	 * @param observed what the probe saw
	 * @param evidence the objects it read
	 * @return this check with its result, on no stated basis
	 */
	public ProbeCheck withResult(ProbeStatus status, String reason, Map<String, Object> observed,
			List<String> evidence) {
		return withResult(status, reason, observed, evidence, null);
	}

	/**
	 * @param status the result
	 * @param reason why
	 * @param observed what the probe saw
	 * @param evidence the objects it read
	 * @param basis what the answer rests on (see {@link #basis()})
	 * @return this check with its result
	 */
	public ProbeCheck withResult(ProbeStatus status, String reason, Map<String, Object> observed, List<String> evidence,
			String basis) {
		return new ProbeCheck(this.probe, this.arguments, this.expect, status, reason, observed, evidence, basis, null);
	}

	/**
	 * @param probe the probe whose answer overrules this one
	 * @return this check, overruled
	 */
	public ProbeCheck overruledBy(String probe) {
		return new ProbeCheck(this.probe, this.arguments, this.expect, this.status, this.reason, this.observed,
				this.evidence, this.basis, probe);
	}

}
