package io.tracedoc.pattern;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tracedoc.trace.Outcome;

/**
 * One known failure from the pattern library ({@code patterns/<category>/<id>.yaml}),
 * loaded and checked: its regexes compile as RE2, its templates only use captures it
 * defines, its category is in the taxonomy.
 *
 * @param id kebab-case id, equal to the file stem
 * @param name "Component – failure type"
 * @param category the root-cause category
 * @param summary one-line summary template
 * @param description why it happens and when the pattern is noisy
 * @param remediation what to do, in words
 * @param severity impact on the pipeline
 * @param confidence how specific the log evidence is on its own
 * @param maturity how far the pattern has been proven
 * @param tags free tags
 * @param owners who looks after the pattern
 * @param catalogue the error-catalogue entries it covers (A01, B01, ...)
 * @param references https links
 * @param runnerVersions the runner versions it applies to
 * @param appliesTo the job outcomes it is tried on
 * @param generic {@code true} for a catch-all that yields to specific findings
 * @param supersedes ids of patterns this one explains away
 * @param match how to recognise it
 * @param fix the remedies, as templates
 * @param confirm the probes that would confirm it against the cluster
 * @param examples logs it must and must not match
 * @param source where the pattern was loaded from, for messages
 */
public record FailurePattern(String id, String name, Category category, Template summary, String description,
		String remediation, Severity severity, Level confidence, Maturity maturity, List<String> tags,
		List<String> owners, List<String> catalogue, List<String> references, VersionRange runnerVersions,
		Set<Outcome> appliesTo, boolean generic, List<String> supersedes, MatchSpec match, List<FixTemplate> fix,
		List<ProbeSpec> confirm, List<PatternExample> examples, String source) {

	/** The outcomes a pattern is tried on when it does not say. */
	public static final Set<Outcome> DEFAULT_OUTCOMES = Set.of(Outcome.FAILED, Outcome.TRUNCATED, Outcome.UNKNOWN);

	public FailurePattern {
		tags = List.copyOf(tags);
		owners = List.copyOf(owners);
		catalogue = List.copyOf(catalogue);
		references = List.copyOf(references);
		appliesTo = Set.copyOf(appliesTo);
		supersedes = List.copyOf(supersedes);
		fix = List.copyOf(fix);
		confirm = List.copyOf(confirm);
		examples = List.copyOf(examples);
	}

	/** Impact of the failure on the pipeline. */
	public enum Severity {

		INFO, LOW, MEDIUM, HIGH, CRITICAL;

		@com.fasterxml.jackson.annotation.JsonValue
		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A three-step scale, used for how specific a pattern's evidence is. */
	public enum Level {

		LOW, MEDIUM, HIGH;

		@com.fasterxml.jackson.annotation.JsonValue
		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** How far a pattern has been proven on real logs (Falco's maturity levels). */
	public enum Maturity {

		SANDBOX, INCUBATING, STABLE, DEPRECATED;

		@com.fasterxml.jackson.annotation.JsonValue
		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * How a pattern is recognised.
	 *
	 * @param all conditions that must each match a line
	 * @param any conditions of which at least one must match (none when empty)
	 * @param none conditions that rule the pattern out when any matches
	 * @param window when above 0, the lines matched by {@code all} and {@code any} lie
	 * within this many lines of each other
	 * @param captures extra values taken from the log, by name
	 * @param decisiveLines {@code true} when the evidence to show is the failing
	 * section's first error-like lines rather than the matched trailer
	 * @param where comparisons between captures that must hold
	 */
	public record MatchSpec(List<Condition> all, List<Condition> any, List<Condition> none, int window,
			Map<String, CaptureSpec> captures, boolean decisiveLines, List<Comparison> where) {

		public MatchSpec {
			all = List.copyOf(all);
			any = List.copyOf(any);
			none = List.copyOf(none);
			captures = Map.copyOf(captures);
			where = List.copyOf(where);
		}

	}

	/**
	 * A comparison between a capture and another capture or a literal, e.g.
	 * {@code sa_namespace != namespace}: what a regex cannot say (RE2 has no
	 * backreferences).
	 *
	 * @param left the capture on the left
	 * @param equal {@code true} for {@code ==}, {@code false} for {@code !=}
	 * @param right the capture on the right, or {@code null} for a literal
	 * @param literal the literal on the right, or {@code null}
	 */
	public record Comparison(String left, boolean equal, String right, String literal) {

		private static final java.util.regex.Pattern FORM = java.util.regex.Pattern
			.compile("([a-z][a-z0-9_.]*)\\s*(==|!=)\\s*(?:([a-z][a-z0-9_.]*)|\"([^\"]*)\")");

		/**
		 * @param source e.g. {@code sa_namespace != namespace} or
		 * {@code verb == "create"}
		 * @return the comparison
		 * @throws IllegalArgumentException when the text is no comparison
		 */
		public static Comparison parse(String source) {
			java.util.regex.Matcher matcher = FORM.matcher(source.strip());
			if (!matcher.matches()) {
				throw new IllegalArgumentException("write a comparison such as: sa_namespace != namespace");
			}
			return new Comparison(matcher.group(1), matcher.group(2).equals("=="), matcher.group(3), matcher.group(4));
		}

		/**
		 * @param values captures and facts
		 * @return whether the comparison holds; a missing capture makes it fail
		 */
		public boolean holds(Map<String, String> values) {
			String leftValue = values.get(this.left);
			String rightValue = (this.right != null) ? values.get(this.right) : this.literal;
			if (leftValue == null || rightValue == null) {
				return false;
			}
			return leftValue.equals(rightValue) == this.equal;
		}

	}

	/**
	 * A test on one line.
	 *
	 * @param regex the compiled RE2 regex ({@code contains} conditions are compiled as
	 * quoted literals)
	 * @param source the regex or literal as written, for messages
	 * @param literal {@code true} for a {@code contains} condition
	 * @param scope where the line must be
	 * @param corroborates the condition corroborates the pattern's decisive message
	 * rather than being part of it: required only where the log holds the part that would
	 * carry it (see {@code docs/patterns.md})
	 */
	public record Condition(com.google.re2j.Pattern regex, String source, boolean literal, Scope scope,
			boolean corroborates) {

	}

	/**
	 * An extra value taken from the log: the first group of the last match of
	 * {@code regex} in scope.
	 *
	 * @param regex the compiled regex
	 * @param scope where to look
	 */
	public record CaptureSpec(com.google.re2j.Pattern regex, Scope scope) {

	}

	/**
	 * A remedy to show, rendered from captures.
	 *
	 * @param kind what the snippet is, which decides how it is shown and copied
	 * @param title one line saying what the snippet does, as a template
	 * @param content the snippet template
	 */
	public record FixTemplate(FixKind kind, Template title, Template content) {

	}

	/** What a fix snippet is. */
	public enum FixKind {

		CONFIG_TOML("config-toml", "toml"), HELM_VALUES("helm-values", "yaml"),
		KUBERNETES_YAML("kubernetes-yaml", "yaml"), KUBECTL("kubectl", "shell"), SHELL("shell", "shell"),
		GITLAB_CI("gitlab-ci", "yaml"), TEXT("text", "text");

		private final String id;

		private final String language;

		FixKind(String id, String language) {
			this.id = id;
			this.language = language;
		}

		@com.fasterxml.jackson.annotation.JsonValue
		public String id() {
			return this.id;
		}

		/**
		 * @return the syntax of the snippet, for highlighting
		 */
		public String language() {
			return this.language;
		}

		static FixKind fromId(String id) {
			for (FixKind kind : values()) {
				if (kind.id.equals(id)) {
					return kind;
				}
			}
			throw new IllegalArgumentException(id);
		}

	}

	/**
	 * A read-only check against the cluster that would confirm or rule out the pattern.
	 *
	 * @param probe the probe id
	 * @param with the probe's arguments, as templates
	 * @param expect the observed values that confirm the pattern: a boolean, number or
	 * string, or a {@link Template} rendered from the captures like {@code with}
	 */
	public record ProbeSpec(String probe, Map<String, Template> with, Map<String, Object> expect) {

		public ProbeSpec {
			// in the pattern's order, which the diagnosis shows
			with = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
			expect = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expect));
		}

	}

	/**
	 * A log the pattern must (or must not) match, run as a test.
	 *
	 * @param name what the example shows
	 * @param expect the expected result
	 * @param captures captures the match must produce
	 * @param log the log's bytes
	 * @param file the example file, or {@code null} for an inline log
	 */
	public record PatternExample(String name, Expectation expect, Map<String, String> captures, byte[] log,
			String file) {

		public PatternExample {
			captures = Map.copyOf(captures);
		}

	}

	/**
	 * What an example expects; {@code todo-*} records a known gap without failing the
	 * build.
	 */
	public enum Expectation {

		MATCH, NO_MATCH, TODO_MATCH, TODO_NO_MATCH;

		/**
		 * @return {@code true} when the pattern should match the example once the gap is
		 * closed
		 */
		public boolean wantsMatch() {
			return this == MATCH || this == TODO_MATCH;
		}

		/**
		 * @return {@code true} for a recorded gap
		 */
		public boolean todo() {
			return this == TODO_MATCH || this == TODO_NO_MATCH;
		}

	}

}
