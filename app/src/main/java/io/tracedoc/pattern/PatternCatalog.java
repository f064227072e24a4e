package io.tracedoc.pattern;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tracedoc.pattern.PatternLoader.ProbeDeclaration;

/**
 * The loaded, checked pattern library.
 */
public final class PatternCatalog {

	private final List<FailurePattern> patterns;

	private final Map<String, FailurePattern> byId = new LinkedHashMap<>();

	private final Map<String, ProbeDeclaration> probes;

	PatternCatalog(List<FailurePattern> patterns, Map<String, ProbeDeclaration> probes) {
		this.patterns = patterns.stream()
			.sorted(Comparator.comparing((FailurePattern pattern) -> pattern.category().ordinal())
				.thenComparing(FailurePattern::id))
			.toList();
		for (FailurePattern pattern : this.patterns) {
			this.byId.put(pattern.id(), pattern);
		}
		this.probes = Map.copyOf(probes);
	}

	/**
	 * @param patterns patterns that were already checked (tests, synthetic benchmarks)
	 * @param probes the probe declarations they were checked against
	 * @return a catalog of exactly these patterns
	 */
	public static PatternCatalog of(List<FailurePattern> patterns, Map<String, ProbeDeclaration> probes) {
		return new PatternCatalog(patterns, probes);
	}

	/**
	 * @return every pattern, by category in taxonomy order, then by id
	 */
	public List<FailurePattern> patterns() {
		return this.patterns;
	}

	/**
	 * @param id a pattern id
	 * @return the pattern
	 */
	public Optional<FailurePattern> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/**
	 * @param category a category
	 * @return its patterns
	 */
	public List<FailurePattern> inCategory(Category category) {
		return this.patterns.stream().filter((pattern) -> pattern.category() == category).toList();
	}

	/**
	 * @return the probes patterns may name, by id
	 */
	public Map<String, ProbeDeclaration> probes() {
		return this.probes;
	}

	/**
	 * @return how many patterns there are
	 */
	public int size() {
		return this.patterns.size();
	}

}
