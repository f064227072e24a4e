package io.tracedoc.pattern;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tracedoc.pattern.FailurePattern.FixKind;

/**
 * A pattern as its catalogue page shows it ({@code GET /api/v1/patterns/{id}}): what it
 * recognises, why it happens, the fix it renders, the probes that confirm it, and the
 * logs it is tested on.
 *
 * @param summary what the catalogue lists
 * @param description why it happens, and when the pattern is noisy
 * @param remediation what to do, in words
 * @param references where to read more
 * @param runnerVersions the runner versions it applies to, empty for all
 * @param generic {@code true} for a catch-all that yields to specific findings
 * @param supersedes the patterns it explains away
 * @param fix the remedies, as templates
 * @param confirm the probes that would confirm it against the cluster
 * @param examples the logs it must and must not match
 */
public record PatternDetail(PatternSummary summary, String description, String remediation, List<String> references,
		String runnerVersions, boolean generic, List<String> supersedes, List<Fix> fix, List<Probe> confirm,
		List<Example> examples) {

	public PatternDetail {
		references = List.copyOf(references);
		supersedes = List.copyOf(supersedes);
		fix = List.copyOf(fix);
		confirm = List.copyOf(confirm);
		examples = List.copyOf(examples);
	}

	static PatternDetail of(FailurePattern pattern) {
		List<Fix> fix = pattern.fix()
			.stream()
			.map((template) -> new Fix(template.kind(), template.title().source(), template.content().source()))
			.toList();
		List<Probe> confirm = new ArrayList<>();
		for (FailurePattern.ProbeSpec probe : pattern.confirm()) {
			Map<String, String> with = new LinkedHashMap<>();
			probe.with().forEach((name, template) -> with.put(name, template.source()));
			confirm.add(new Probe(probe.probe(), with, probe.expect()));
		}
		List<Example> examples = new ArrayList<>();
		for (int i = 0; i < pattern.examples().size(); i++) {
			FailurePattern.PatternExample example = pattern.examples().get(i);
			examples
				.add(new Example(i, example.name(), example.expect().name().toLowerCase(Locale.ROOT).replace('_', '-'),
						example.captures(), example.file(), new String(example.log(), StandardCharsets.UTF_8)));
		}
		return new PatternDetail(PatternSummary.of(pattern), pattern.description(), pattern.remediation(),
				pattern.references(), pattern.runnerVersions().toString(), pattern.generic(), pattern.supersedes(), fix,
				confirm, examples);
	}

	/**
	 * A remedy as the pattern writes it.
	 *
	 * @param kind what the snippet is
	 * @param title what it does, with placeholders
	 * @param content the snippet, with placeholders filled from each log's captures
	 */
	public record Fix(FixKind kind, String title, String content) {

	}

	/**
	 * A read-only check against the cluster.
	 *
	 * @param probe the probe id
	 * @param with its arguments, with placeholders
	 * @param expect the observed values that confirm the pattern
	 */
	public record Probe(String probe, Map<String, String> with, Map<String, Object> expect) {

		public Probe {
			with = Map.copyOf(with);
			expect = Map.copyOf(expect);
		}

	}

	/**
	 * A log the pattern is tested on.
	 *
	 * @param index its place among the pattern's examples
	 * @param name what it shows
	 * @param expect {@code match}, {@code no-match}, {@code todo-match} or
	 * {@code todo-no-match}
	 * @param captures what a match must capture
	 * @param file the example file, or {@code null} for a log written inline
	 * @param log the log
	 */
	public record Example(int index, String name, String expect, Map<String, String> captures, String file,
			String log) {

		public Example {
			captures = Map.copyOf(captures);
		}

		/**
		 * @return the log with its control characters drawn as symbols ({@code ␛} for
		 * ESC, {@code ␍} for a carriage return), so a raw trace shows byte for byte
		 */
		public String visibleLog() {
			StringBuilder visible = new StringBuilder(this.log.length());
			for (int i = 0; i < this.log.length(); i++) {
				char c = this.log.charAt(i);
				if (c < 0x20 && c != '\n' && c != '\t') {
					visible.append((char) (0x2400 + c));
				}
				else if (c == 0x7f) {
					visible.append('\u2421');
				}
				else {
					visible.append(c);
				}
			}
			return visible.toString();
		}

	}

}
