package io.tracedoc.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * Finds, in one pass over a lower-cased line, which of many literals it contains
 * (Aho-Corasick). Each literal carries the ids of what it stands for: the pattern
 * conditions that need it, the redaction rules it triggers, the error words of the
 * decisive lines. A line without any of them costs one scan.
 */
final class LiteralScanner {

	private final AhoCorasickDoubleArrayTrie<int[]> automaton = new AhoCorasickDoubleArrayTrie<>();

	private final int size;

	/**
	 * @param literals lower-case literal to the ids it stands for
	 */
	LiteralScanner(Map<String, int[]> literals) {
		TreeMap<String, int[]> sorted = new TreeMap<>(literals);
		if (!sorted.isEmpty()) {
			this.automaton.build(sorted);
		}
		this.size = sorted.size();
	}

	/**
	 * @param literals lower-case literals that all stand for one thing
	 * @return a scanner that tells whether a line holds any of them
	 */
	static LiteralScanner anyOf(List<String> literals) {
		Map<String, int[]> map = new TreeMap<>();
		for (String literal : literals) {
			map.put(literal, new int[] { 0 });
		}
		return new LiteralScanner(map);
	}

	/**
	 * Calls {@code id} for the ids of every literal found; an id may come more than once.
	 * @param lowerCaseText a line, lower-cased
	 * @param id receives the ids
	 */
	void scan(String lowerCaseText, IntConsumer id) {
		if (this.size == 0) {
			return;
		}
		this.automaton.parseText(lowerCaseText, (begin, end, ids) -> {
			for (int found : ids) {
				id.accept(found);
			}
		});
	}

	/**
	 * Calls {@code hit} for every occurrence of a literal, with where it stands.
	 * @param lowerCaseText a line, lower-cased
	 * @param hit receives the occurrences
	 */
	void scan(String lowerCaseText, Hit hit) {
		if (this.size == 0) {
			return;
		}
		this.automaton.parseText(lowerCaseText, hit::found);
	}

	/**
	 * @param lowerCaseText a line, lower-cased
	 * @return {@code true} when it holds at least one literal
	 */
	boolean any(String lowerCaseText) {
		return this.size > 0 && this.automaton.matches(lowerCaseText);
	}

	/** An occurrence of a literal. */
	@FunctionalInterface
	interface Hit {

		/**
		 * @param begin index of its first character
		 * @param end index after its last character
		 * @param ids what the literal stands for
		 */
		void found(int begin, int end, int[] ids);

	}

	/**
	 * @return how many literals it looks for
	 */
	int size() {
		return this.size;
	}

}
