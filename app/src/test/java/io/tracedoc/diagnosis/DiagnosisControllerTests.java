package io.tracedoc.diagnosis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tracedoc.gitlab.JobTraceFetcher;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.system.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Tests for {@link DiagnosisController}: the forms that diagnose a log and the permalink
 * page, rendered by the real templates.
 */
@WebMvcTest(DiagnosisController.class)
@WebSlice
@Import({ LogIntake.class, LogViewer.class, DiagnosisControllerTests.Diagnoses.class })
@TestPropertySource(properties = "tracedoc.web.log-page-lines=10")
class DiagnosisControllerTests {

	/**
	 * Every class the log viewer may put on an element, tracedoc's own or a terminal
	 * colour.
	 */
	private static final Pattern VIEWER_CLASS = Pattern
		.compile("line|evidence|num|toggle|text|duration|t-(fg|bg)-([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])"
				+ "|t-bold|t-italic|t-underline|t-conceal|t-crossed");

	private static final String HOSTILE_LOG = "Running with gitlab-runner 17.5.0 (abc)\n"
			+ "section_start:1700000000:evil\r\u001b[0K<svg onload=alert('section')>\n"
			+ "$ echo \"<script>alert('xss')</script>\"\n" + "<img src=x onerror=\"alert('img')\">\n"
			+ "\u001b[31;1m<b onmouseover=alert('ansi')>red</b>\u001b[0m \"><iframe src=javascript:alert(1)>\n"
			+ "section_end:1700000001:evil\r\u001b[0K\n"
			+ "ERROR: Job failed: <script>alert('final')</script> command terminated with exit code 1\n";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private DiagnosisService diagnoses;

	@Test
	void showsTheVerdictTheFixAndTheLogOfADiagnosis() throws IOException {
		String id = store("seed-000-secrets-forbidden-ui-copy.log");
		MvcTestResult page = this.mvc.get().uri("/d/{id}", id).exchange();
		assertThat(page).hasStatusOk().hasViewName("diagnosis/show");
		assertThat(page).model().containsKeys("diagnosis", "top", "timeline", "window").doesNotContainKey("trial");
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("id=\"verdict-category\" href=\"/patterns?category=k8s-rbac-forbidden\"")
			.contains("kind: RoleBinding", "namespace: cicd", "name: default")
			.contains("<a class=\"line-link\" href=\"#L9\" data-line=\"9\">line 9</a>")
			.containsPattern("<div class=\"line evidence\" id=\"L9\"")
			.contains("NOT_CHECKED");
		assertThat(page).headers().containsHeader("Content-Security-Policy");
	}

	@Test
	void showsEveryProbeAnswerOfARuledOutFindingAndWhichOneOverruledWhich() throws IOException {
		String log = "ERROR: Job failed (system failure): prepare environment: secrets is forbidden: User "
				+ "\"system:serviceaccount:probed:default\" cannot create resource \"secrets\" in API group \"\" in the namespace \"probed\"\n";
		String id = this.diagnoses
			.diagnose(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
					JobContext.of(JobContext.Source.PASTE))
			.id();
		String html = this.mvc.get().uri("/d/{id}", id).exchange().getResponse().getContentAsString();
		String ruledOut = html.substring(html.indexOf("id=\"ruled-out\""));
		assertThat(ruledOut).contains("<code>rbac-access-review</code>", "(access-review)",
				"may create secrets in namespace probed", "<code>rbac-bindings</code>", "(context)",
				"overruled by rbac-access-review, whose answer rests on more", "has no RoleBinding");
		// a check that stands is not marked as overruled
		assertThat(ruledOut.split("overruled by", -1)).hasSize(2);
	}

	@Test
	void escapesEveryLogTextAndGivesTheLogOnlyItsOwnClasses() throws IOException {
		String id = this.diagnoses
			.diagnose(new ByteArrayInputStream(HOSTILE_LOG.getBytes(StandardCharsets.UTF_8)),
					JobContext.of(JobContext.Source.PASTE))
			.id();
		String html = this.mvc.get().uri("/d/{id}", id).exchange().getResponse().getContentAsString();
		assertThat(html).doesNotContain("<script>alert", "<svg onload", "<img src=x", "<b onmouseover", "<iframe")
			.contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;",
					"&lt;svg onload=alert(&#39;section&#39;)&gt;",
					"&lt;img src=x onerror=&quot;alert(&#39;img&#39;)&quot;&gt;");
		assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
		assertThat(html).contains("<script src=\"/js/tracedoc.js\" defer></script>");
		String viewer = html.substring(html.indexOf("id=\"log-lines\""));
		viewer = viewer.substring(viewer.indexOf('>') + 1, viewer.indexOf("</section>"));
		Matcher classes = Pattern.compile("class=\"([^\"]*)\"").matcher(viewer);
		int count = 0;
		while (classes.find()) {
			for (String name : classes.group(1).split(" ")) {
				if (!name.isEmpty() && !name.equals("more") && !name.equals("load") && !name.equals("empty")) {
					assertThat(name).matches(VIEWER_CLASS);
					count++;
				}
			}
		}
		assertThat(count).isGreaterThan(10);
		assertThat(viewer).contains("class=\"t-fg-1 t-bold\"");
	}

	@Test
	void diagnosesAPastedLogAndRedirectsToItsPermalink() {
		MvcTestResult posted = this.mvc.post()
			.uri("/diagnoses")
			.param("log",
					new String(TestDiagnoses.example("seed-004-4-unauthorized-wrapped.log"), StandardCharsets.UTF_8))
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus3xxRedirection();
		StoredDiagnosis stored = storedAt(posted);
		assertThat(stored.context().source()).isEqualTo(JobContext.Source.PASTE);
		assertThat(stored.diagnosis().category().id()).isEqualTo("k8s-api-unauthorized");
	}

	@Test
	void diagnosesAnUploadedFileRatherThanThePasteBox() {
		MockMultipartFile file = new MockMultipartFile("file", "job.log", "text/plain",
				TestDiagnoses.example("k8s-17-failed-get-sources-retried.log"));
		MvcTestResult posted = this.mvc.post()
			.uri("/diagnoses")
			.multipart()
			.file(file)
			.param("log", "something pasted before")
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus3xxRedirection();
		StoredDiagnosis stored = storedAt(posted);
		assertThat(stored.context().source()).isEqualTo(JobContext.Source.UPLOAD);
		assertThat(stored.diagnosis().category().id()).isEqualTo("git-dns-failure");
	}

	@Test
	void refusesAFormWithoutItsCsrfToken() {
		assertThat(this.mvc.post().uri("/diagnoses").param("log", "ERROR: Job failed").exchange()).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/diagnoses")
			.param("log", "ERROR: Job failed")
			.with(csrf().useInvalidToken())
			.exchange()).hasStatus(403);
	}

	@Test
	void explainsAnEmptyFormAnEmptyFileAndAFileThatIsNoText() {
		MvcTestResult nothing = this.mvc.post().uri("/diagnoses").with(csrf()).exchange();
		assertThat(nothing).hasStatus(400).failure().hasMessageContaining("Nothing to diagnose");
		MvcTestResult emptyFile = this.mvc.post()
			.uri("/diagnoses")
			.multipart()
			.file(new MockMultipartFile("file", "job.log", "text/plain", new byte[0]))
			.with(csrf())
			.exchange();
		assertThat(emptyFile).hasStatus(400).failure().hasMessageContaining("The chosen file is empty");
		MvcTestResult binary = this.mvc.post()
			.uri("/diagnoses")
			.multipart()
			.file(new MockMultipartFile("file", "job.log.gz", "application/gzip",
					new byte[] { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0 }))
			.with(csrf())
			.exchange();
		assertThat(binary).hasStatus(422).failure().hasMessageContaining("gzip archive");
	}

	@Test
	void keepsThePatternBeingTriedAndSaysWhatItMadeOfTheLog() throws IOException {
		MvcTestResult posted = this.mvc.post()
			.uri("/diagnoses")
			.param("log",
					new String(TestDiagnoses.example("seed-000-secrets-forbidden-ui-copy.log"), StandardCharsets.UTF_8))
			.param("pattern", "k8s-rbac-forbidden")
			.with(csrf())
			.exchange();
		String location = posted.getResponse().getRedirectedUrl();
		assertThat(location).matches("/d/[a-z2-9]{12}\\?pattern=k8s-rbac-forbidden");
		MvcTestResult page = this.mvc.get().uri(location).exchange();
		assertThat(page).model().extractingByKey("trial").hasFieldOrPropertyWithValue("result", "top");
		assertThat(page.getResponse().getContentAsString()).contains("it names the cause.");
		MvcTestResult other = this.mvc.get()
			.uri(location.replace("k8s-rbac-forbidden", "git-could-not-resolve-host"))
			.exchange();
		assertThat(other).model().extractingByKey("trial").hasFieldOrPropertyWithValue("result", "no-match");
		assertThat(other.getResponse().getContentAsString()).contains("it did not match.");
		assertThat(this.mvc.get().uri(location.replace("k8s-rbac-forbidden", "no-such-pattern")).exchange()).model()
			.doesNotContainKey("trial");
		MvcTestResult unknown = this.mvc.post()
			.uri("/diagnoses")
			.param("log", "ERROR: Job failed: exit code 1")
			.param("pattern", "<nope>")
			.with(csrf())
			.exchange();
		assertThat(unknown.getResponse().getRedirectedUrl()).matches("/d/[a-z2-9]{12}");
	}

	@Test
	void diagnosesAPatternsExampleAsIfPasted() {
		MvcTestResult posted = this.mvc.post()
			.uri("/diagnoses/example")
			.param("pattern", "k8s-rbac-forbidden")
			.param("example", "0")
			.with(csrf())
			.exchange();
		assertThat(posted.getResponse().getRedirectedUrl()).endsWith("?pattern=k8s-rbac-forbidden");
		assertThat(storedAt(posted).diagnosis().top().pattern()).isEqualTo("k8s-rbac-forbidden");
		assertThat(this.mvc.post()
			.uri("/diagnoses/example")
			.param("pattern", "k8s-rbac-forbidden")
			.param("example", "99")
			.with(csrf())
			.exchange()).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/diagnoses/example")
			.param("pattern", "no-such-pattern")
			.param("example", "0")
			.with(csrf())
			.exchange()).hasStatus(404);
	}

	@Test
	void saysThatJobUrlsNeedAGitLabToken() {
		MvcTestResult posted = this.mvc.post()
			.uri("/diagnoses/job")
			.param("jobUrl", "https://gitlab.example.com/g/p/-/jobs/1")
			.with(csrf())
			.exchange();
		assertThat(posted).hasStatus(501).failure().hasMessageContaining("No GitLab token is configured");
	}

	@Test
	void answersNotFoundForAnIdItDoesNotKeep() {
		assertThat(this.mvc.get().uri("/d/abcdefghijkm").exchange()).hasStatus(404);
		assertThat(this.mvc.get().uri("/d/{id}", "<script>").exchange()).hasStatus(404);
	}

	@Test
	void pagesALongLogAndLinksCitedLinesOnOtherPages() throws IOException {
		String id = store("k8s-17-failed-get-sources-retried.log");
		MvcTestResult first = this.mvc.get().uri("/d/{id}", id).exchange();
		String html = first.getResponse().getContentAsString();
		assertThat(html).contains("href=\"?line=28#L28\"", "data-load=\"next\"", "href=\"?from=10#log\"")
			.doesNotContain("id=\"L28\"", "data-load=\"previous\"");
		MvcTestResult around = this.mvc.get().uri("/d/{id}?line=28", id).exchange();
		assertThat(around).model().extractingByKey("window").hasFieldOrPropertyWithValue("fromIndex", 20);
		assertThat(around.getResponse().getContentAsString()).contains("id=\"L28\"", "href=\"#L28\"",
				"data-load=\"previous\"", "href=\"?from=0#log\"");
		assertThat(this.mvc.get().uri("/d/{id}?from=-5", id).exchange()).model()
			.extractingByKey("window")
			.hasFieldOrPropertyWithValue("fromIndex", 0);
		assertThat(this.mvc.get().uri("/d/{id}?from=x", id).exchange()).hasStatus(400);
	}

	private String store(String example) throws IOException {
		return this.diagnoses
			.diagnose(new ByteArrayInputStream(TestDiagnoses.example(example)), JobContext.of(JobContext.Source.PASTE))
			.id();
	}

	private StoredDiagnosis storedAt(MvcTestResult posted) {
		String location = posted.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/d/");
		return this.diagnoses.find(location.substring(3, 15)).orElseThrow();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Diagnoses {

		@Bean
		DiagnosisService diagnosisService() {
			return new DiagnosisService(TestDiagnoses.ENGINE, Diagnoses::probed,
					new InMemoryDiagnosisStore(100, 100_000), (event) -> {
					}, 1_000_000);
		}

		/**
		 * Stands in for the cluster of namespace {@code probed}: its access review allows
		 * what the log says was refused, and overrules the bindings read that found no
		 * binding of the account (the finding is ruled out with both answers). Other logs
		 * are not probed.
		 */
		static Diagnosis probed(Diagnosis diagnosis, JobContext context) {
			Finding refused = diagnosis.findings()
				.stream()
				.filter((finding) -> "probed".equals(finding.captures().get("namespace")))
				.findFirst()
				.orElse(null);
			if (refused == null) {
				return diagnosis;
			}
			List<ProbeCheck> checks = refused.probes().stream().map((check) -> switch (check.probe()) {
				case "rbac-access-review" -> check.withResult(ProbeStatus.RULED_OUT,
						"The API server says system:serviceaccount:probed:default may create secrets in namespace probed",
						Map.of("allowed", true), List.of(), "access-review");
				default -> check
					.withResult(ProbeStatus.CONFIRMED,
							"system:serviceaccount:probed:default has no RoleBinding or ClusterRoleBinding of its own",
							Map.of("bound-in-namespace", false), List.of(), "context")
					.overruledBy("rbac-access-review");
			}).toList();
			List<RuledOut> ruledOut = new ArrayList<>(diagnosis.ruledOut());
			ruledOut.add(new RuledOut(refused.pattern(), refused.category(), refused.title(),
					"the cluster contradicts it: " + checks.get(0).reason(), refused.evidence(), checks));
			return diagnosis.withProbeResults(
					diagnosis.findings().stream().filter((finding) -> finding != refused).toList(), ruledOut, 5);
		}

		@Bean
		PatternCatalog patternCatalog() {
			return TestDiagnoses.CATALOG;
		}

		@Bean
		JobTraceFetcher jobTraceFetcher() {
			return JobTraceFetcher.unconfigured();
		}

	}

}
