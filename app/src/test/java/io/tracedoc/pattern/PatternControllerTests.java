package io.tracedoc.pattern;

import java.io.UnsupportedEncodingException;
import io.tracedoc.system.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternController}, on the bundled pattern library.
 */
@WebMvcTest(PatternController.class)
@WebSlice
@Import(PatternControllerTests.Library.class)
class PatternControllerTests {

	private static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void listsEveryPatternByCategory() throws UnsupportedEncodingException {
		MvcTestResult page = this.mvc.get().uri("/patterns").exchange();
		assertThat(page).hasStatusOk().hasViewName("patterns/list");
		assertThat(page).model().containsEntry("count", CATALOG.size()).containsEntry("category", null);
		String html = page.getResponse().getContentAsString();
		for (FailurePattern pattern : CATALOG.patterns()) {
			assertThat(html).contains("href=\"/patterns/" + pattern.id() + "\"");
		}
		assertThat(html).contains("id=\"category-k8s-rbac-forbidden\"");
	}

	@Test
	void showsOneCategoryAlone() throws UnsupportedEncodingException {
		MvcTestResult page = this.mvc.get().uri("/patterns?category=k8s-rbac-forbidden").exchange();
		assertThat(page).hasStatusOk().model().containsEntry("category", Category.K8S_RBAC_FORBIDDEN);
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("href=\"/patterns/k8s-rbac-forbidden\"")
			.doesNotContain("href=\"/patterns/git-could-not-resolve-host\"");
		assertThat(this.mvc.get().uri("/patterns?category=unknown").exchange()).hasStatusOk();
		assertThat(this.mvc.get().uri("/patterns?category=<no>").exchange()).hasStatus(404);
	}

	@Test
	void showsAPatternWithItsFixExamplesAndATryForm() throws UnsupportedEncodingException {
		MvcTestResult page = this.mvc.get().uri("/patterns/k8s-rbac-forbidden").exchange();
		assertThat(page).hasStatusOk().hasViewName("patterns/show");
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("kind: RoleBinding", "name: {{service_account}}", "rbac-access-review",
				"fires on the seed&#39;s secrets forbidden for cicd:default",
				"name=\"pattern\" value=\"k8s-rbac-forbidden\"", "action=\"/diagnoses\"",
				"action=\"/diagnoses/example\"", "name=\"_csrf\"");
	}

	@Test
	void drawsTheControlCharactersOfARawExampleAsSymbols() throws UnsupportedEncodingException {
		FailurePattern withFile = CATALOG.patterns()
			.stream()
			.filter((
					pattern) -> pattern.examples().stream().anyMatch((example) -> contains(example.log(), (byte) 0x1b)))
			.findFirst()
			.orElseThrow();
		String html = this.mvc.get().uri("/patterns/{id}", withFile.id()).exchange().getResponse().getContentAsString();
		assertThat(html).contains("\u241b[").doesNotContain("\u001b");
	}

	@Test
	void answersNotFoundForAnUnknownPattern() {
		assertThat(this.mvc.get().uri("/patterns/no-such-pattern").exchange()).hasStatus(404);
		MvcTestResult api = this.mvc.get().uri("/api/v1/patterns/no-such-pattern").exchange();
		assertThat(api).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(api).bodyJson().extractingPath("$.title").isEqualTo("No such pattern");
	}

	@Test
	void listsThePatternsInTheApi() {
		MvcTestResult list = this.mvc.get().uri("/api/v1/patterns").exchange();
		assertThat(list).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		assertThat(list).bodyJson().extractingPath("$.length()").isEqualTo(CATALOG.size());
		assertThat(list).bodyJson()
			.extractingPath("$[?(@.id=='k8s-rbac-forbidden')].category")
			.asArray()
			.containsExactly("k8s-rbac-forbidden");
		assertThat(list).bodyJson()
			.extractingPath("$[?(@.id=='k8s-rbac-forbidden')].severity")
			.asArray()
			.containsExactly("high");
	}

	@Test
	void readsAPatternInTheApi() {
		MvcTestResult detail = this.mvc.get().uri("/api/v1/patterns/k8s-rbac-forbidden").exchange();
		assertThat(detail).hasStatusOk();
		assertThat(detail).bodyJson().extractingPath("$.summary.id").isEqualTo("k8s-rbac-forbidden");
		assertThat(detail).bodyJson()
			.extractingPath("$.fix[*].kind")
			.asArray()
			.containsExactly("helm-values", "kubernetes-yaml", "kubectl");
		assertThat(detail).bodyJson().extractingPath("$.confirm[0].probe").isEqualTo("rbac-access-review");
		assertThat(detail).bodyJson().extractingPath("$.examples[0].expect").isEqualTo("match");
		assertThat(detail).bodyJson().extractingPath("$.examples[3].expect").isEqualTo("no-match");
		assertThat(detail).bodyJson().extractingPath("$.examples[0].captures.namespace").isEqualTo("cicd");
		assertThat(detail).bodyJson().extractingPath("$.references").asArray().isNotEmpty();
	}

	private static boolean contains(byte[] bytes, byte wanted) {
		for (byte b : bytes) {
			if (b == wanted) {
				return true;
			}
		}
		return false;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Library {

		@Bean
		PatternCatalog patternCatalog() {
			return CATALOG;
		}

	}

}
