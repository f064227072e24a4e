package io.tracedoc.pattern;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The pattern library has problems; every one of them is listed.
 */
public class PatternLoadException extends RuntimeException {

	private final transient List<PatternProblem> problems;

	PatternLoadException(List<PatternProblem> problems) {
		super(problems.size() + " problem(s) in the pattern library:\n"
				+ problems.stream()
					.map(PatternProblem::toString)
					.map((line) -> "  " + line)
					.collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * @return every problem found
	 */
	public List<PatternProblem> problems() {
		return this.problems;
	}

}
