package io.tracedoc.gitlab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.InMemoryDiagnosisStore;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.gitlab.PipelineNote.NotedJob;
import io.tracedoc.system.PublicAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link NoteRenderer}: the note a developer reads on GitLab, compared with
 * golden files in {@code src/test/resources/gitlab/}. Run with {@code UPDATE_GOLDEN=true}
 * to rewrite them deliberately; the diff then shows what a reader would see change.
 */
class NoteRendererTests {

	private static final DiagnosisService diagnoses = new DiagnosisService(
			new DiagnosisEngine(FailedJobProcessorTests.CATALOG), (diagnosis, context) -> diagnosis,
			new InMemoryDiagnosisStore(10, 100_000), (event) -> {
			}, 1_000_000);

	private final NoteRenderer renderer = new NoteRenderer(
			new PublicAddress(URI.create("https://tracedoc.example.com/")));

	@Test
	void refusesToStartWithoutTracedocsOwnAddressForThePermalinks() {
		assertThatIllegalStateException().isThrownBy(() -> new NoteRenderer(new PublicAddress(null)))
			.withMessageContaining("tracedoc.public-url");
	}

	@Test
	void rendersTwoFailedJobsWithEvidenceFixProbesAndARedactedToken() throws IOException {
		Map<String, StoredDiagnosis> stored = Map.of("rbac00000001",
				diagnose(FakeGitLab.bytes("trace-secrets-forbidden.log")), "script000002", diagnose(Files
					.readAllBytes(Path.of("../grammar/src/test/resources/examples/k8s-17-failed-step-script.log"))));
		PipelineNote note = note(
				new NotedJob(1977, "test", "https://gitlab.example.com/gitlab-org/gitlab-test/-/jobs/1977",
						"rbac00000001"),
				new NotedJob(1978, "lint", "https://gitlab.example.com/gitlab-org/gitlab-test/-/jobs/1978",
						"script000002"));

		String markdown = this.renderer.render(note, (id) -> Optional.ofNullable(stored.get(id)));

		assertThat(markdown).contains("glpat-[REDACTED]").doesNotContain("x7Qp2Vr9LmN4sT6uW8yZ");
		assertGolden("note-two-jobs.md", markdown);
	}

	@Test
	void logTextCanNeitherFormatTheNoteNorMentionAnyone() throws IOException {
		String log = "$ ./deploy.sh\n" + "ERROR: ```` </details><img src=x onerror=alert(1)> @all /label ~bug #1 !2\n"
				+ "ERROR: Job failed: exit code 1\n";
		Map<String, StoredDiagnosis> stored = Map.of("hostile000001", diagnose(log.getBytes(StandardCharsets.UTF_8)));
		PipelineNote note = note(
				new NotedJob(7, "deploy **now** @all [x](javascript:alert(1))", null, "hostile000001"));

		String markdown = this.renderer.render(note, (id) -> Optional.ofNullable(stored.get(id)));

		assertThat(markdown).contains("deploy \\*\\*now\\*\\* \\@all \\[x\\]\\(javascript:alert\\(1\\)\\) (#7)");
		// the evidence sits in a fence longer than any backtick run in it, on lines of
		// its own
		assertThat(markdown).contains("`````text\n").containsPattern("(?m)^[0-9]+: ERROR: ```` </details><img");
		assertThat(markdown.lines().filter((line) -> line.startsWith("/label"))).isEmpty();
	}

	@Test
	void listsJobsWhoseDiagnosisIsGoneByLinkOnly() {
		PipelineNote note = note(new NotedJob(1977, "test", null, "gone00000001"));

		String markdown = this.renderer.render(note, (id) -> Optional.empty());

		assertThat(markdown).contains("- test (#1977): [diagnosis](https://tracedoc.example.com/d/gone00000001)");
	}

	private static PipelineNote note(NotedJob... jobs) {
		return new PipelineNote("gitlab", 380, 2366, 12L, FakeGitLab.SHA, null, null, List.of(jobs), null);
	}

	private static StoredDiagnosis diagnose(byte[] log) throws IOException {
		return diagnoses.diagnose(new ByteArrayInputStream(log), JobContext.of(JobContext.Source.WEBHOOK));
	}

	private static void assertGolden(String name, String actual) throws IOException {
		Path golden = FakeGitLab.FIXTURES.resolve(name);
		if (Boolean.parseBoolean(System.getenv("UPDATE_GOLDEN"))) {
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
		}
		assertThat(golden).as("golden note %s (create it with UPDATE_GOLDEN=true)", name).exists();
		assertThat(actual).as("note %s (UPDATE_GOLDEN=true rewrites it)", name)
			.isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
	}

}
