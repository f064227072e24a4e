package io.tracedoc.system;

import java.io.UnsupportedEncodingException;
import java.io.InputStream;
import java.net.URI;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.InMemoryDiagnosisStore;
import io.tracedoc.diagnosis.Probing;
import io.tracedoc.gitlab.JobTraceFetcher;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Tests for {@link WelcomeController}: the home page and its samples.
 */
@WebMvcTest(WelcomeController.class)
@WebSlice
@Import({ SampleLogs.class, WelcomeControllerTests.Diagnoses.class })
class WelcomeControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private DiagnosisService diagnoses;

	@Autowired
	private SwitchableGitLab gitlab;

	@AfterEach
	void withoutGitLab() {
		this.gitlab.configured = false;
	}

	@Test
	void offersThePasteBoxTheUploadAndEverySample() throws UnsupportedEncodingException {
		MvcTestResult home = this.mvc.get().uri("/").exchange();
		assertThat(home).hasStatusOk().hasViewName("home");
		assertThat(home).model().containsEntry("maxLogSize", "100 MB").containsEntry("maxPasteSize", "16 MB");
		String html = home.getResponse().getContentAsString();
		assertThat(html).contains("<textarea id=\"log\" name=\"log\"", "type=\"file\" id=\"file\" name=\"file\"",
				"accept=\".log,.txt,text/plain\"", "enctype=\"multipart/form-data\"", "name=\"_csrf\"");
		for (SampleLogs.Sample sample : new SampleLogs().all()) {
			assertThat(html).contains("action=\"/samples/" + sample.name() + "\"");
		}
	}

	@Test
	void saysClearlyThatJobUrlsNeedAGitLabToken() throws UnsupportedEncodingException {
		String html = this.mvc.get().uri("/").exchange().getResponse().getContentAsString();
		assertThat(html).contains("No GitLab token is configured")
			.containsPattern("<input type=\"url\" id=\"job-url\"[^>]*disabled");
		this.gitlab.configured = true;
		String configured = this.mvc.get().uri("/").exchange().getResponse().getContentAsString();
		assertThat(configured).doesNotContain("No GitLab token is configured")
			.doesNotContainPattern("<input type=\"url\" id=\"job-url\"[^>]*disabled");
	}

	@Test
	void diagnosesASampleInOneClick() {
		MvcTestResult posted = this.mvc.post()
			.uri("/samples/seed-000-secrets-forbidden-ui-copy")
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus3xxRedirection();
		String location = posted.getResponse().getRedirectedUrl();
		assertThat(location).matches("/d/[a-z2-9]{12}");
		assertThat(this.diagnoses.find(location.substring(3)).orElseThrow().diagnosis().category().id())
			.isEqualTo("k8s-rbac-forbidden");
	}

	@Test
	void refusesAnUnknownSampleAndAForgedPost() {
		assertThat(this.mvc.post().uri("/samples/no-such-sample").with(csrf()).exchange()).hasStatus(404);
		assertThat(this.mvc.post().uri("/samples/seed-000-secrets-forbidden-ui-copy").exchange()).hasStatus(403);
	}

	/** A GitLab client whose token a test switches on and off; it fetches nothing. */
	static final class SwitchableGitLab implements JobTraceFetcher {

		private volatile boolean configured;

		@Override
		public boolean configured() {
			return this.configured;
		}

		@Override
		public InputStream fetch(URI jobUrl) {
			throw new IllegalStateException("this test fetches no job");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Diagnoses {

		@Bean
		DiagnosisService diagnosisService() {
			return new DiagnosisService(new DiagnosisEngine(PatternLoader.loadBundled()), Probing.none("no cluster"),
					new InMemoryDiagnosisStore(10, 10_000), (event) -> {
					}, 1_000_000);
		}

		@Bean
		SwitchableGitLab jobTraceFetcher() {
			return new SwitchableGitLab();
		}

	}

}
