package io.tracedoc.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.FailurePattern.CaptureSpec;
import io.tracedoc.pattern.FailurePattern.Condition;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.RegexLiterals;
import io.tracedoc.pattern.Scope;

/**
 * The pattern library prepared for one pass over a log: every condition and capture of
 * every pattern becomes a {@link LineTest}, and one Aho-Corasick automaton over the
 * literals those tests require tells, per line, which few tests can possibly match. A
 * line costs one automaton scan plus the regexes of its candidates, however many patterns
 * there are.
 */
final class CompiledLibrary {

	final List<FailurePattern> patterns;

	final LineTest[] tests;

	/**
	 * Test ids per pattern: its {@code all}, {@code any} and {@code none} conditions, in
	 * order.
	 */
	final int[][] all;

	final int[][] any;

	final int[][] none;

	/** Capture name to test id, per pattern. */
	final List<Map<String, Integer>> captures;

	/**
	 * Lower-cased literal to what needs it: test ids, redaction rules
	 * ({@link #REDACTION}) and error words ({@link #ERROR_WORD}).
	 */
	private final LiteralScanner scanner;

	/** Tests without a usable literal: they run on every line. */
	final int[] unfiltered;

	/** Distinct literals the tests require. */
	final int literalCount;

	/** Marks a scanner id as a redaction rule ({@link Redactor#triggerWords()}). */
	static final int REDACTION = 1 << 29;

	/**
	 * Marks a scanner id as an error word, its low bits telling how it counts
	 * ({@link DecisiveLines}).
	 */
	static final int ERROR_WORD = 1 << 30;

	/** The bits of a scanner id below its mark. */
	static final int ID = REDACTION - 1;

	CompiledLibrary(PatternCatalog catalog) {
		this.patterns = catalog.patterns();
		List<LineTest> tests = new ArrayList<>();
		int count = this.patterns.size();
		this.all = new int[count][];
		this.any = new int[count][];
		this.none = new int[count][];
		this.captures = new ArrayList<>(count);
		for (int p = 0; p < count; p++) {
			FailurePattern pattern = this.patterns.get(p);
			this.all[p] = add(tests, p, pattern.match().all(), LineTest.Role.ALL);
			this.any[p] = add(tests, p, pattern.match().any(), LineTest.Role.ANY);
			this.none[p] = add(tests, p, pattern.match().none(), LineTest.Role.NONE);
			Map<String, Integer> captureTests = new LinkedHashMap<>();
			for (Map.Entry<String, CaptureSpec> capture : pattern.match().captures().entrySet()) {
				CaptureSpec spec = capture.getValue();
				captureTests.put(capture.getKey(), tests.size());
				tests.add(new LineTest(tests.size(), p, LineTest.Role.CAPTURE, spec.regex(), spec.scope(),
						RegexLiterals.required(spec.regex().pattern()), false));
			}
			this.captures.add(captureTests);
		}
		this.tests = tests.toArray(LineTest[]::new);
		TreeMap<String, List<Integer>> byLiteral = new TreeMap<>();
		List<Integer> unfiltered = new ArrayList<>();
		for (LineTest test : this.tests) {
			if (test.scope().kind() == Scope.Kind.FINAL_ERROR) {
				continue;
			}
			if (test.literals().isEmpty()) {
				unfiltered.add(test.id());
			}
			for (String literal : test.literals()) {
				byLiteral.computeIfAbsent(literal, (key) -> new ArrayList<>()).add(test.id());
			}
		}
		this.literalCount = byLiteral.size();
		// one scan per line serves the tests, the redaction rules and the decisive lines
		// alike
		byLiteral.replaceAll((literal, ids) -> new ArrayList<>(ids));
		Redactor.triggerWords()
			.forEach((word, rules) -> Arrays.stream(rules)
				.forEach((rule) -> byLiteral.computeIfAbsent(word, (key) -> new ArrayList<>()).add(REDACTION | rule)));
		DecisiveLines.ERROR_WORDS.forEach(
				(word, kind) -> byLiteral.computeIfAbsent(word, (key) -> new ArrayList<>()).add(ERROR_WORD | kind));
		Map<String, int[]> scannerInput = new TreeMap<>();
		byLiteral
			.forEach((literal, ids) -> scannerInput.put(literal, ids.stream().mapToInt(Integer::intValue).toArray()));
		this.scanner = new LiteralScanner(scannerInput);
		this.unfiltered = unfiltered.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int[] add(List<LineTest> tests, int pattern, List<Condition> conditions, LineTest.Role role) {
		int[] ids = new int[conditions.size()];
		for (int i = 0; i < conditions.size(); i++) {
			Condition condition = conditions.get(i);
			List<String> literals = condition.literal() ? RegexLiterals.ofLiteral(condition.source())
					: RegexLiterals.required(condition.source());
			ids[i] = tests.size();
			tests.add(new LineTest(tests.size(), pattern, role, condition.regex(), condition.scope(), literals,
					condition.corroborates()));
		}
		return ids;
	}

	/**
	 * Scans a line once for every literal the library, the redactor and the decisive
	 * lines look for.
	 * @param lowerCaseText the line, lower-cased
	 * @param hit receives each literal found, with its ids (marked with
	 * {@link #REDACTION} or {@link #ERROR_WORD}, else test ids)
	 */
	void scan(String lowerCaseText, LiteralScanner.Hit hit) {
		this.scanner.scan(lowerCaseText, hit);
	}

	/**
	 * One regex applied to lines: a pattern's condition or capture.
	 *
	 * @param id index into {@link CompiledLibrary#tests}
	 * @param pattern index of the pattern
	 * @param role what the test is for
	 * @param regex the compiled regex
	 * @param scope where a matching line must be
	 * @param literals the literals a matching line contains one of; empty when unknown
	 * @param corroborates a corroborating condition, waived where the log lacks its part
	 */
	record LineTest(int id, int pattern, Role role, com.google.re2j.Pattern regex, Scope scope, List<String> literals,
			boolean corroborates) {

		enum Role {

			ALL, ANY, NONE, CAPTURE

		}

	}

}
