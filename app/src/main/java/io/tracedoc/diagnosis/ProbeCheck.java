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
 */
public record ProbeCheck(String probe, Map<String, String> arguments, Map<String, Object> expect, ProbeStatus status,
		String reason, Map<String, Object> observed, List<String> evidence) {

	public ProbeCheck {
		// in the order the pattern and the probe wrote them, for the reader of the JSON
		arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
		expect = Collections.unmodifiableMap(new LinkedHashMap<>(expect));
		observed = Collections.unmodifiableMap(new LinkedHashMap<>(observed));
		evidence = List.copyOf(evidence);
	}

	/**
	 * @param status the result
	 * @param reason why
	 * @param observed what the probe saw
	 * @param evidence the objects it read
	 * @return this check with its result
	 */
	public ProbeCheck withResult(ProbeStatus status, String reason, Map<String, Object> observed,
			List<String> evidence) {
		return new ProbeCheck(this.probe, this.arguments, this.expect, status, reason, observed, evidence);
	}

}
