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
	void rejectsCorroborationOutsideAllAndAPatternMadeOnlyOfCorroboration() {
		assertProblem(library().pattern("git-dns-failure", "veto-corroborates", """
				match:
				  all:
				    - contains: 'Could not resolve host'
				  none:
				    - contains: 'retrying'
				      corroborates: true
				"""), "match.none[0].corroborates: only a condition of match.all can corroborate");
		assertProblem(library().pattern("git-dns-failure", "only-corroboration", """
				match:
				  all:
				    - contains: 'Could not resolve host'
				      corroborates: true
				"""), "match.all: every condition corroborates: at least one must be the decisive message");
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
				    expect: { resolves: false }
				  - probe: gitlab-reachability
				    with: { hostname: 'x' }
				    expect: { reachable: false }
				"""), "confirm[0].probe: \"dns-lookup\" is not declared in schema/probes.yaml",
				"confirm[1].with.hostname: is no argument of gitlab-reachability",
				"confirm[1].expect.reachable: is not observed by gitlab-reachability");
	}

	@Test
	void asksEveryCheckForTheValueThatConfirmsIt() {
		assertProblem(library().pattern("git-dns-failure", "no-expect", """
				match:
				  all:
				    - regex: 'Could not resolve host: (?P<host>\\S+)'
				confirm:
				  - probe: gitlab-reachability
				    with: { host: '{{host}}' }
				"""), "confirm[0]: required property 'expect' not found");
	}

	@Test
	void acceptsAnExpectedValueRenderedFromACapture() {
		PatternCatalog catalog = library().pattern("k8s-admission-denied", "level", """
				match:
				  all:
				    - regex: 'violates PodSecurity "(?P<level>[a-z]+)'
				confirm:
				  - probe: namespace-exists
				    with: { namespace: '{{runner.namespace}}' }
				    expect: { pod-security-enforce: '{{level}}' }
				""").load();
		Object expected = catalog.find("level").orElseThrow().confirm().get(0).expect().get("pod-security-enforce");
		assertThat(expected).isInstanceOf(Template.class).hasToString("{{level}}");
	}

	@Test
	void rejectsAnExpectedValueFromAnUncapturedName() {
		assertProblem(library().pattern("k8s-admission-denied", "level", """
				match:
				  all:
				    - contains: 'violates PodSecurity'
				confirm:
				  - probe: namespace-exists
				    with: { namespace: '{{runner.namespace}}' }
				    expect: { pod-security-enforce: '{{level}}' }
				"""), "confirm[0].expect.pod-security-enforce: uses {{level}}, which the pattern does not capture");
	}

	@Test
	void letsAFixUseWhatItsOwnProbesObserve() {
		PatternCatalog catalog = library()
			.pattern("k8s-rbac-forbidden", "bound",
					"""
							match:
							  all:
							    - regex: 'User "system:serviceaccount:(?P<sa_namespace>[a-z]+):(?P<service_account>[a-z]+)" .* namespace "(?P<namespace>[a-z]+)"'
							confirm:
							  - probe: rbac-bindings
							    with: { service_account_namespace: '{{sa_namespace}}', service_account: '{{service_account}}', namespace: '{{namespace}}' }
							    expect: { bound-in-namespace: false }
							fix:
							  - kind: config-toml
							    title: Run the jobs in {{probe.rbac-bindings.bound-namespace|sa_namespace}}
							    content: namespace = "{{probe.rbac-bindings.bound-namespace|sa_namespace}}"
							""")
			.load();
		assertThat(catalog.find("bound").orElseThrow().fix().get(0).title().variables())
			.containsExactly("probe.rbac-bindings.bound-namespace", "sa_namespace");
	}

	@Test
	void rejectsProbeVariablesOfOtherProbesUnknownFieldsAndOutsideFixes() {
		assertProblem(
				library().pattern("k8s-rbac-forbidden", "bound",
						"""
								summary: 'bound in {{probe.rbac-bindings.bound-namespace}}'
								match:
								  all:
								    - regex: 'User "system:serviceaccount:(?P<sa_namespace>[a-z]+):(?P<service_account>[a-z]+)"'
								confirm:
								  - probe: rbac-bindings
								    with: { service_account_namespace: '{{sa_namespace}}', service_account: '{{service_account}}', namespace: '{{sa_namespace}}' }
								    expect: { bound-in-namespace: false }
								fix:
								  - kind: text
								    title: '{{probe.namespace-exists.exists}}'
								    content: '{{probe.rbac-bindings.colour}}'
								"""),
				"summary: uses {{probe.rbac-bindings.bound-namespace}}: what probes observe is known only to fix titles and contents",
				"fix[0].title: uses {{probe.namespace-exists.exists}}, but the pattern's confirm has no namespace-exists probe",
				"fix[0].content: uses {{probe.rbac-bindings.colour}}, but rbac-bindings observes no \"colour\"");
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
