package io.tracedoc.pattern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Template}.
 */
class TemplateTests {

	@Test
	void fillsPlaceholdersFromValues() {
		assertThat(Template.parse("ns {{namespace}}, sa {{service_account}}")
			.render(Map.of("namespace", "cicd", "service_account", "default"))).isEqualTo("ns cicd, sa default");
	}

	@Test
	void triesAlternativesInOrderAndFallsBackToALiteral() {
		Template template = Template.parse("{{namespace|runner.namespace|\"gitlab-runner\"}}");
		assertThat(template.render(Map.of("namespace", "a", "runner.namespace", "b"))).isEqualTo("a");
		assertThat(template.render(Map.of("runner.namespace", "b"))).isEqualTo("b");
		assertThat(template.render(Map.of())).isEqualTo("gitlab-runner");
	}

	@Test
	void showsWhatToFillInWhenNothingHasAValue() {
		assertThat(Template.parse("host = {{host}}").render(Map.of())).isEqualTo("host = <host>");
	}

	@Test
	void usesAnEmptyValueAsIs() {
		assertThat(Template.parse("apiGroups: [\"{{api_group}}\"]").render(Map.of("api_group", "")))
			.isEqualTo("apiGroups: [\"\"]");
	}

	@Test
	void listsTheVariablesButNotTheLiterals() {
		assertThat(Template.parse("{{a|b|\"c\"}} {{d}}").variables()).containsExactly("a", "b", "d");
	}

	@Test
	void rejectsAnUnclosedOrEmptyPlaceholder() {
		assertThatIllegalArgumentException().isThrownBy(() -> Template.parse("{{namespace"))
			.withMessageContaining("}}");
		assertThatIllegalArgumentException().isThrownBy(() -> Template.parse("{{ }}")).withMessageContaining("empty");
		assertThatIllegalArgumentException().isThrownBy(() -> Template.parse("{{a||b}}"))
			.withMessageContaining("empty");
	}

	@Test
	void leavesTextWithoutPlaceholdersAlone() {
		assertThat(Template.parse("rbac:\n  create: true\n").render(Map.of())).isEqualTo("rbac:\n  create: true\n");
	}

}
