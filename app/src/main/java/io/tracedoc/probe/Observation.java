package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tracedoc.diagnosis.Redactor;
import io.tracedoc.probe.ProbePrecedence.Basis;

/**
 * What one probe saw: the observed fields (compared with a pattern's {@code expect}), the
 * objects it read, kept with the diagnosis as a snapshot (pods and events vanish minutes
 * after a job), and one sentence saying what it saw.
 *
 * @param observed the observed fields by name: strings, booleans, numbers, lists of
 * strings
 * @param evidence the objects read, one line each
 * ({@code Pod ci/runner-x: phase Pending})
 * @param summary what was seen, in one sentence
 * @param basis what the answer rests on, for deciding between checks of one finding that
 * disagree ({@link ProbePrecedence})
 */
record Observation(Map<String, Object> observed, List<String> evidence, String summary, Basis basis) {

	Observation {
		observed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(observed));
		evidence = List.copyOf(evidence);
	}

	/**
	 * An observation of the objects a probe names.
	 */
	Observation(Map<String, Object> observed, List<String> evidence, String summary) {
		this(observed, evidence, summary, Basis.OBJECTS);
	}

	/**
	 * Collects an observation; every text passes through the {@link Redactor}, as it
	 * leaves the cluster for the diagnosis.
	 */
	static final class Builder {

		private final Map<String, Object> observed = new LinkedHashMap<>();

		private final List<String> evidence = new ArrayList<>();

		private Basis basis = Basis.OBJECTS;

		/**
		 * @param basis what the answer rests on; {@link Basis#OBJECTS} unless said
		 */
		Builder basis(Basis basis) {
			this.basis = basis;
			return this;
		}

		Builder put(String field, Object value) {
			if (value instanceof String text) {
				this.observed.put(field, Redactor.redactValue(text));
			}
			else if (value instanceof Collection<?> values) {
				this.observed.put(field,
						values.stream().map((item) -> Redactor.redactValue(String.valueOf(item))).toList());
			}
			else if (value != null) {
				this.observed.put(field, value);
			}
			return this;
		}

		Builder evidence(String line) {
			this.evidence.add(Redactor.redactValue(line));
			return this;
		}

		Observation summary(String summary) {
			return new Observation(this.observed, this.evidence, Redactor.redactValue(summary), this.basis);
		}

	}

}
