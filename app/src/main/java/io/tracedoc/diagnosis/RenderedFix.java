package io.tracedoc.diagnosis;

import java.util.List;
import java.util.Map;

import io.tracedoc.pattern.FailurePattern.FixKind;
import io.tracedoc.pattern.FailurePattern.FixTemplate;

/**
 * A remedy rendered for this job: the snippet names its namespace, service account, host.
 *
 * @param kind what the snippet is ({@code config-toml}, {@code helm-values},
 * {@code kubernetes-yaml}, {@code kubectl} ...)
 * @param language the snippet's syntax, for highlighting ({@code toml}, {@code yaml},
 * {@code shell}, {@code text})
 * @param title what the snippet does
 * @param content the snippet, ready to copy
 */
public record RenderedFix(FixKind kind, String language, String title, String content) {

	/**
	 * @param templates a pattern's fixes
	 * @param values captures, facts and (after the probes) what the probes observed
	 * @return the fixes rendered for this job
	 */
	public static List<RenderedFix> render(List<FixTemplate> templates, Map<String, String> values) {
		return templates.stream()
			.map((fix) -> new RenderedFix(fix.kind(), fix.kind().language(), fix.title().render(values),
					fix.content().render(values)))
			.toList();
	}

}
