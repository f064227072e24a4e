package io.tracedoc.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the whole pattern library: its size, its coverage of the error catalogue
 * and the taxonomy, and that the prefilter can filter every condition.
 */
class PatternLibraryTests {

	/** Sections A to M of the error catalogue and the number of entries in each. */
	private static final Map<Character, Integer> CATALOGUE = Map.ofEntries(Map.entry('A', 14), Map.entry('B', 10),
			Map.entry('C', 10), Map.entry('D', 5), Map.entry('E', 12), Map.entry('F', 11), Map.entry('G', 10),
			Map.entry('H', 10), Map.entry('I', 11), Map.entry('J', 6), Map.entry('K', 5), Map.entry('L', 5),
			Map.entry('M', 2));

	/** Catalogue entries no job log can show, with the reason. */
	private static final Map<String, String> NOT_IN_A_JOB_LOG = Map.of("B07",
			"events not readable: the runner logs it to its own debug log only", "H10",
			"fetch retries: informational, the last attempt's error is what matters", "L05",
			"[MASKED]: the runner's masking, not a failure", "M02",
			"GitLab's trace size limit: nothing is written to the log");

	private static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	@Test
	void holdsAtLeastSeventyPatterns() {
		assertThat(CATALOG.size()).isGreaterThanOrEqualTo(70);
	}

	@Test
	void coversEveryCatalogueEntryAJobLogCanShow() {
		Set<String> covered = CATALOG.patterns()
			.stream()
			.flatMap((pattern) -> pattern.catalogue().stream())
			.collect(Collectors.toCollection(TreeSet::new));
		List<String> missing = new ArrayList<>();
		CATALOGUE.forEach((section, entries) -> {
			for (int i = 1; i <= entries; i++) {
				String id = String.format("%c%02d", section, i);
				if (!covered.contains(id) && !NOT_IN_A_JOB_LOG.containsKey(id)) {
					missing.add(id);
				}
			}
		});
		assertThat(missing).as("catalogue entries without a pattern").isEmpty();
		assertThat(covered).as("exempt entries must not be claimed")
			.doesNotContainAnyElementsOf(NOT_IN_A_JOB_LOG.keySet());
	}

	@Test
	void usesOnlyCategoriesOfTheTaxonomyAndEveryFailureCategory() {
		Set<Category> used = CATALOG.patterns().stream().map(FailurePattern::category).collect(Collectors.toSet());
		Set<Category> failureCategories = java.util.EnumSet.allOf(Category.class);
		failureCategories.removeIf((category) -> !category.failureCause());
		assertThat(used).containsAll(failureCategories);
	}

	@Test
	void givesEveryConditionALiteralForThePrefilter() {
		List<String> unfiltered = new ArrayList<>();
		for (FailurePattern pattern : CATALOG.patterns()) {
			List<FailurePattern.Condition> conditions = new ArrayList<>(pattern.match().all());
			conditions.addAll(pattern.match().any());
			conditions.addAll(pattern.match().none());
			for (FailurePattern.Condition condition : conditions) {
				List<String> literals = condition.literal() ? RegexLiterals.ofLiteral(condition.source())
						: RegexLiterals.required(condition.source());
				if (literals.isEmpty()) {
					unfiltered.add(pattern.id() + ": " + condition.source());
				}
			}
		}
		assertThat(unfiltered).as("conditions that would run on every line").isEmpty();
	}

	@Test
	void keepsTheTaxonomyCopyInStepWithTheCategories() throws Exception {
		String taxonomy = new String(
				PatternLibraryTests.class.getClassLoader().getResourceAsStream("patterns/taxonomy.md").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		Set<String> ids = new TreeSet<>();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|")
			.matcher(taxonomy);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		assertThat(ids)
			.containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(Category.values()).map(Category::id).toList());
	}

}
