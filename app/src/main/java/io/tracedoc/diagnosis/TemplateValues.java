package io.tracedoc.diagnosis;

import java.util.HashMap;
import java.util.Map;

import io.tracedoc.trace.FinalStatus;
import io.tracedoc.trace.RunnerInfo;
import io.tracedoc.trace.TraceSection;

/**
 * The facts every template may use besides its captures ({@code runner.namespace},
 * {@code job.exit_code} ...; the list is {@code PatternLoader.FACTS}), redacted: the
 * engine renders with them, and the probe phase renders the fixes again with them and
 * what the probes observed.
 */
public final class TemplateValues {

	private TemplateValues() {
	}

	/**
	 * @param trace facts from the log
	 * @return the facts by variable name; a fact the log does not give is absent
	 */
	public static Map<String, String> facts(TraceFacts trace) {
		return facts(trace.runner(), trace.failingSection(), trace.finalStatus());
	}

	static Map<String, String> facts(RunnerInfo runner, TraceSection failing, FinalStatus status) {
		Map<String, String> facts = new HashMap<>();
		put(facts, "runner.version", runner.version());
		put(facts, "runner.revision", runner.revision());
		put(facts, "runner.name", runner.name());
		put(facts, "runner.executor", runner.executor());
		put(facts, "runner.namespace", runner.namespace());
		put(facts, "runner.image", runner.image());
		put(facts, "runner.pod", runner.pod());
		put(facts, "runner.node", runner.node());
		put(facts, "runner.manager", runner.managerHost());
		put(facts, "job.failing_section", (failing != null) ? failing.name() : null);
		put(facts, "job.exit_code",
				(status != null && status.exitCode() != null) ? status.exitCode().toString() : null);
		return facts;
	}

	private static void put(Map<String, String> values, String key, String value) {
		if (value != null) {
			values.put(key, Redactor.redactValue(value));
		}
	}

}
