package io.tracedoc.diagnosis;

import io.tracedoc.pattern.FailurePattern.FixKind;

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

}
