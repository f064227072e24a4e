package io.tracedoc.pattern;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PatternLoader}: a well-formed library loads, and every kind of mistake
 * is reported with the file and the field, all of them at once.
 */
class PatternLoaderTests {

	@TempDir
	Path root;

	@Test
	void loadsTheBundledLibraryWithoutProblems() {
		PatternCatalog catalog = PatternLoader.loadBundled();
		assertThat(catalog.size()).isPositive();
		assertThat(catalog.find("k8s-rbac-forbidden")).isPresent();
		assertThat(catalog.probes()).containsKey("rbac-access-review");
	}

	@Test
	void loadsAPatternAndCompilesItsParts() {
		PatternCatalog catalog = library().pattern("git-dns-failure", "dns-test", """
				summary: 'cannot resolve {{host}}'
				match:
				  in: [get_sources]
				  all:
				    - regex: 'Could not resolve host: (?P<host>\\S+)'
				""").load();
		FailurePattern pattern = catalog.find("dns-test").orElseThrow();
		assertThat(pattern.category()).isEqualTo(Category.GIT_DNS_FAILURE);
		assertThat(pattern.match().all()).singleElement()
			.satisfies((condition) -> assertThat(condition.scope().sections()).containsExactly("get_sources"));
		assertThat(pattern.summary().variables()).containsExactly("host");
	}

	@Test
	void namesFileAndFieldOfARegexThatIsNotRe2() {
		assertProblem(library().pattern("git-dns-failure", "bad-regex", """
				match:
				  all:
				    - regex: '(?<=lookbehind)x'
				"""), "patterns/git-dns-failure/bad-regex.yaml: match.all[0].regex: does not compile as RE2");
	}

	@Test
	void rejectsAnIdThatIsNotTheFileName() {
		assertProblem(library().write("git-dns-failure/other-name.yaml", new TestLibraryYaml("dns-test").yaml()),
				"other-name.yaml: id: \"dns-test\" must equal the file name");
	}

	@Test
	void rejectsACategoryOutsideTheTaxonomy() {
		assertProblem(library().pattern("network-weirdness", "odd", """
				match:
				  all:
				    - contains: 'weird'
				"""), "category: \"network-weirdness\" is not in the taxonomy");
	}

	@Test
	void rejectsATemplateThatUsesAnUncapturedName() {
		assertProblem(library().pattern("git-dns-failure", "uncaptured", """
				summary: 'cannot resolve {{hostname}}'
				match:
				  all:
				    - regex: 'Could not resolve host: (?P<host>\\S+)'
				"""), "summary: uses {{hostname}}, which the pattern does not capture (captures: host");
	}

	@Test
	void acceptsFactsInTemplates() {
		assertThat(library().pattern("git-dns-failure", "facts", """
				summary: 'in {{runner.namespace}} on {{runner.pod|"<pod>"}}'
				match:
				  all:
				    - contains: 'Could not resolve host'
				""").load().size()).isEqualTo(1);
	}

	@Test
	void rejectsReferencesThatAreNotHttps() {
		assertProblem(
				library().write("git-dns-failure/plain.yaml",
						new TestLibraryYaml("plain").yaml()
							.replace("https://docs.gitlab.com/runner/", "http://example.com")),
				"references[0]: must be an https URL");
	}

	@Test
	void asksForBothKindsOfExamples() {
		assertProblem(library().pattern("git-dns-failure", "one-sided", """
				match:
				  all:
				    - contains: 'Could not resolve host'
				examples:
				  - name: fires
				    expect: match
				    log: Could not resolve host
				  - name: fires again
				    expect: match
				    log: Could not resolve host x
				"""), "examples: add at least one example with \"expect: no-match\"");
	}

	@Test
	void rejectsUndeclaredProbesAndTheirUnknownFields() {
		assertProblem(library().pattern("git-dns-failure", "probed", """
				match:
				  all:
				    - contains: 'Could not resolve host'
				confirm:
				  - probe: dns-lookup
				  - probe: gitlab-reachability
				    with: { hostname: 'x' }
				    expect: { reachable: false }
				"""), "confirm[0].probe: \"dns-lookup\" is not declared in schema/probes.yaml",
				"confirm[1].with.hostname: is no argument of gitlab-reachability",
				"confirm[1].expect.reachable: is not observed by gitlab-reachability");
	}

	@Test
	void rejectsACaptureWithoutExactlyOneGroup() {
		assertProblem(library().pattern("git-dns-failure", "two-groups", """
				match:
				  all:
				    - contains: 'Could not resolve host'
				  capture:
				    host: '(a)(b)'
				"""), "match.capture.host: needs exactly one capturing group, has 2");
	}

	@Test
	void rejectsAComparisonOfAnUncapturedName() {
		assertProblem(library().pattern("k8s-rbac-forbidden", "compare", """
				match:
				  all:
				    - regex: 'User "(?P<user>[^"]+)"'
				  where:
				    - user != namespace
				"""), "match.where[0]: compares {{namespace}}, which the pattern does not capture");
	}

	@Test
	void reportsSchemaViolationsWithTheirField() {
		assertProblem(library().pattern("git-dns-failure", "schema", """
				match:
				  all:
				    - contains: 'x'
				  unknown-field: 1
				"""), "patterns/git-dns-failure/schema.yaml: match");
	}

	@Test
	void reportsDuplicateIdsAcrossFiles() {
		TestLibrary library = library().pattern("git-dns-failure", "twin", """
				match:
				  all:
				    - contains: 'Could not resolve host'
				""");
		library.write("git-connection-failed/twin.yaml", new TestLibraryYaml("twin").yaml()
			.replace("category: git-dns-failure", "category: git-connection-failed"));
		assertProblem(library, "id: \"twin\" is already used by");
	}

	@Test
	void reportsEveryProblemOfEveryFileTogether() {
		TestLibrary library = library().pattern("git-dns-failure", "first", """
				match:
				  all:
				    - regex: '('
				""").pattern("git-dns-failure", "second", """
				summary: '{{nothing}}'
				match:
				  all:
				    - contains: 'x'
				""");
		assertThatExceptionOfType(PatternLoadException.class).isThrownBy(library::load)
			.satisfies((ex) -> assertThat(ex.problems()).extracting(PatternProblem::file)
				.contains("git-dns-failure/first.yaml", "git-dns-failure/second.yaml"));
	}

	private TestLibrary library() {
		return new TestLibrary(this.root);
	}

	private static void assertProblem(TestLibrary library, String... expected) {
		assertThatExceptionOfType(PatternLoadException.class).isThrownBy(library::load)
			.satisfies((ex) -> assertThat(ex.getMessage()).contains(expected));
	}

	/**
	 * A complete, valid pattern file as text, for tests that then break one thing in it.
	 */
	private record TestLibraryYaml(String id) {

		String yaml() {
			return """
					id: %s
					name: Test – %s
					category: git-dns-failure
					summary: something happened
					description: A pattern written by a test to check one behaviour.
					remediation: Nothing, it is a test.
					severity: high
					confidence: high
					maturity: stable
					tags: [test]
					references: [https://docs.gitlab.com/runner/]
					match:
					  all:
					    - contains: 'Could not resolve host'
					fix:
					  - kind: text
					    title: Do the thing
					    content: the thing
					examples:
					  - name: a log
					    expect: match
					    log: x
					  - name: another log
					    expect: no-match
					    log: y
					""".formatted(this.id, this.id);
		}

	}

}
