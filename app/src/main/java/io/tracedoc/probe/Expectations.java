package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.diagnosis.ProbeStatus;

/**
 * Turns what a probe observed into a check's result by comparing it with the pattern's
 * {@code expect}: CONFIRMED when every expected field was observed with the expected
 * value, RULED_OUT when an observed field contradicts one, NOT_CHECKED when a field could
 * not be observed (the pod is gone, the container never terminated) and nothing
 * contradicts.
 */
final class Expectations {

	private Expectations() {
	}

	/**
	 * @param check the check, with its rendered {@code expect}
	 * @param observation what the probe saw
	 * @return the check with its result
	 */
	static ProbeCheck judge(ProbeCheck check, Observation observation) {
		List<String> contradictions = new ArrayList<>();
		List<String> unobserved = new ArrayList<>();
		for (Map.Entry<String, Object> expected : check.expect().entrySet()) {
			String want = String.valueOf(expected.getValue());
			Object seen = observation.observed().get(expected.getKey());
			if (ProbeArguments.unfilled(want)) {
				unobserved.add("the log does not say which " + expected.getKey() + " to expect");
			}
			else if (seen == null) {
				unobserved.add(expected.getKey() + " could not be observed");
			}
			else if (!String.valueOf(seen).equals(want)) {
				contradictions.add(expected.getKey() + " is " + seen + ", not " + want);
			}
		}
		ProbeStatus status;
		String reason = observation.summary();
		if (!contradictions.isEmpty()) {
			status = ProbeStatus.RULED_OUT;
			reason += " (" + String.join("; ", contradictions) + ")";
		}
		else if (!unobserved.isEmpty()) {
			status = ProbeStatus.NOT_CHECKED;
			reason += " (" + String.join("; ", unobserved) + ")";
		}
		else if (check.expect().isEmpty()) {
			status = ProbeStatus.NOT_CHECKED;
			reason += " (the pattern expects no value to compare)";
		}
		else {
			status = ProbeStatus.CONFIRMED;
		}
		return check.withResult(status, reason, observation.observed(), observation.evidence(),
				observation.basis().id());
	}

	/**
	 * @param check the check
	 * @param reason why it could not be checked
	 * @return the check, NOT_CHECKED with the reason
	 */
	static ProbeCheck notChecked(ProbeCheck check, String reason) {
		return check.withResult(ProbeStatus.NOT_CHECKED, reason, Map.of(), List.of());
	}

}
