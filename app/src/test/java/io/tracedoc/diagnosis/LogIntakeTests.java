package io.tracedoc.diagnosis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import io.tracedoc.gitlab.JobTraceFetcher;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LogIntake}.
 */
class LogIntakeTests {

	private final DiagnosisService diagnoses = TestDiagnoses.service(1_000_000);

	private final LogIntake intake = new LogIntake(this.diagnoses, JobTraceFetcher.unconfigured());

	@Test
	void diagnosesARawTraceWithEscapesAndCarriageReturns() throws IOException {
		StoredDiagnosis stored = this.intake.diagnose(
				new ByteArrayInputStream(TestDiagnoses.example("k8s-17-failed-get-sources-retried.log")),
				JobContext.of(JobContext.Source.UPLOAD));
		assertThat(stored.diagnosis().category().id()).isEqualTo("git-dns-failure");
		assertThat(stored.context().source()).isEqualTo(JobContext.Source.UPLOAD);
	}

	@Test
	void diagnosesTextWithInvalidUtf8AndStrayControlCharacters() throws IOException {
		for (String example : List.of("hostile-invalid-utf8.log", "hostile-unterminated-osc.log",
				"hostile-lone-esc-at-end.log", "hostile-crlf-everywhere.log", "hostile-only-markers.log")) {
			assertThat(this.intake.diagnose(new ByteArrayInputStream(TestDiagnoses.example(example)),
					JobContext.of(JobContext.Source.PASTE)))
				.as(example)
				.isNotNull();
		}
	}

	@Test
	void refusesAnEmptyOrBlankLog() {
		assertRefused(new byte[0], HttpStatus.BAD_REQUEST, "The log is empty");
		assertRefused(" \r\n\t\n".getBytes(StandardCharsets.US_ASCII), HttpStatus.BAD_REQUEST, "The log is empty");
	}

	@Test
	void acceptsALogThatStartsWithBlankLines() throws IOException {
		byte[] log = ("\n".repeat(LogIntake.SNIFF_BYTES + 10) + "ERROR: Job failed: exit code 1\n")
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(this.intake.diagnose(new ByteArrayInputStream(log), JobContext.of(JobContext.Source.PASTE))
			.diagnosis()
			.trace()
			.lines()).isPositive();
	}

	@Test
	void refusesAGzippedLogAndSaysToUnpackIt() throws IOException {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
			out.write(TestDiagnoses.example("seed-000-secrets-forbidden-ui-copy.log"));
		}
		assertRefused(gzipped.toByteArray(), HttpStatus.UNPROCESSABLE_CONTENT, "gzip archive");
	}

	@Test
	void refusesArchivesImagesAndUtf16() {
		assertRefused(new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0 }, HttpStatus.UNPROCESSABLE_CONTENT, "an archive");
		assertRefused(new byte[] { (byte) 0xff, (byte) 0xfe, 'E', 0, 'R', 0 }, HttpStatus.UNPROCESSABLE_CONTENT,
				"UTF-16");
		byte[] png = new byte[512];
		new Random(7).nextBytes(png);
		png[0] = (byte) 0x89;
		assertRefused(png, HttpStatus.UNPROCESSABLE_CONTENT, "is not text");
		assertRefused(TestDiagnoses.example("hostile-random-binary.log"), HttpStatus.UNPROCESSABLE_CONTENT,
				"is not text");
		assertRefused(TestDiagnoses.example("hostile-nul-bytes.log"), HttpStatus.UNPROCESSABLE_CONTENT, "is not text");
	}

	@Test
	void diagnosesTheReadBytesWithoutLosingTheSniffedHead() throws IOException {
		byte[] log = TestDiagnoses.example("k8s-17-user-sections-collapsed.log");
		StoredDiagnosis stored = this.intake.diagnose(new ByteArrayInputStream(log),
				JobContext.of(JobContext.Source.API));
		assertThat(stored.diagnosis().trace().bytes()).isEqualTo(log.length);
		assertThat(stored.diagnosis()).usingRecursiveComparison()
			.ignoringFields("id", "timings")
			.isEqualTo(TestDiagnoses.ENGINE.diagnose(log));
	}

	@Test
	void saysSoWhenNoGitLabTokenIsConfigured() {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(
					() -> this.intake.diagnoseJob("https://gitlab.example.com/g/p/-/jobs/1", JobContext.Source.JOB_URL))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_IMPLEMENTED);
				assertThat(ex.getBody().getDetail()).startsWith("No GitLab token is configured");
			});
		assertThat(this.intake.gitlabConfigured()).isFalse();
	}

	@Test
	void fetchesAJobsLogAndKeepsNoTokenOfItsUrl() throws IOException {
		RecordingFetcher gitlab = new RecordingFetcher(TestDiagnoses.example("seed-000-secrets-forbidden-ui-copy.log"));
		LogIntake withGitLab = new LogIntake(this.diagnoses, gitlab);
		StoredDiagnosis stored = withGitLab.diagnoseJob(
				" https://user:secret@GitLab.example.com:8443/group/project/-/jobs/42?private_token=glpat-x#L3 ",
				JobContext.Source.JOB_URL);
		assertThat(gitlab.fetched)
			.containsExactly(URI.create("https://GitLab.example.com:8443/group/project/-/jobs/42"));
		assertThat(stored.context().jobUrl()).isEqualTo("https://GitLab.example.com:8443/group/project/-/jobs/42");
		assertThat(stored.context().source()).isEqualTo(JobContext.Source.JOB_URL);
		assertThat(stored.diagnosis().category().id()).isEqualTo("k8s-rbac-forbidden");
		assertThat(gitlab.closed).isTrue();
	}

	@Test
	void refusesAUrlThatIsNoJobPage() {
		LogIntake withGitLab = new LogIntake(this.diagnoses, new RecordingFetcher(new byte[0]));
		for (String url : List.of("", "not a url", "ftp://gitlab.example.com/g/p/-/jobs/1",
				"https://gitlab.example.com/g/p/-/pipelines/1", "javascript:alert(1)//-/jobs/", "/g/p/-/jobs/1")) {
			assertThatExceptionOfType(ErrorResponseException.class)
				.isThrownBy(() -> withGitLab.diagnoseJob(url, JobContext.Source.JOB_URL))
				.as(url)
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		}
	}

	@Test
	void answersBadGatewayWhenGitLabGivesNoLog() {
		JobTraceFetcher failing = new JobTraceFetcher() {

			@Override
			public boolean configured() {
				return true;
			}

			@Override
			public InputStream fetch(URI jobUrl) throws IOException {
				throw new IOException("403 Forbidden");
			}

		};
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> new LogIntake(this.diagnoses, failing)
				.diagnoseJob("https://gitlab.example.com/g/p/-/jobs/1", JobContext.Source.JOB_URL))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY));
	}

	private void assertRefused(byte[] log, HttpStatus status, String detail) {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(
					() -> this.intake.diagnose(new ByteArrayInputStream(log), JobContext.of(JobContext.Source.PASTE)))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(status);
				assertThat(ex.getBody().getDetail()).contains(detail);
			});
	}

	/** A GitLab that serves one log for any job and remembers what it was asked. */
	private static final class RecordingFetcher implements JobTraceFetcher {

		private final byte[] log;

		private final List<URI> fetched = new ArrayList<>();

		private boolean closed;

		RecordingFetcher(byte[] log) {
			this.log = log;
		}

		@Override
		public boolean configured() {
			return true;
		}

		@Override
		public InputStream fetch(URI jobUrl) {
			this.fetched.add(jobUrl);
			return new ByteArrayInputStream(this.log) {

				@Override
				public void close() {
					RecordingFetcher.this.closed = true;
				}

			};
		}

	}

}
