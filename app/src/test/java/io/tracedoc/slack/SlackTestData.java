package io.tracedoc.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.Probing;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.pattern.PatternLoader;
import io.tracedoc.system.PublicAddress;

/**
 * Diagnoses of real seed logs by the real engine, stored under fixed ids and times, for
 * the Slack tests.
 */
final class SlackTestData {

	static final DiagnosisEngine ENGINE = new DiagnosisEngine(PatternLoader.loadBundled());

	static final Path EXAMPLES = Path.of("../grammar/src/test/resources/examples");

	static final Path SAMPLES = Path.of("src/main/resources/samples");

	static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

	static final SlackProperties PROPERTIES = new SlackProperties("xoxb-test", "secret", null,
			java.time.Duration.ofMinutes(30), 1000, java.util.List.of("pod", "pods", "request_id"),
			"https://slack.com/api/", 2, 10);

	static final PublicAddress ADDRESS = new PublicAddress(URI.create("https://tracedoc.example.com"));

	private SlackTestData() {
	}

	static byte[] sample(String name) {
		try {
			return Files.readAllBytes(SAMPLES.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String secretsForbiddenLog() {
		return new String(sample("seed-000-secrets-forbidden-ui-copy.log"), StandardCharsets.UTF_8);
	}

	/**
	 * @param id the permalink id
	 * @param log the log
	 * @param context where it came from
	 * @return the log's diagnosis as stored, its probes marked not checked
	 */
	static StoredDiagnosis stored(String id, String log, JobContext context) {
		Diagnosis diagnosis = Probing.none("no Kubernetes cluster is configured for probes")
			.confirm(ENGINE.diagnose(log.getBytes(StandardCharsets.UTF_8)), context)
			.withId(id);
		return new StoredDiagnosis(id, AT, context, diagnosis);
	}

	/**
	 * @param runner the runner
	 * @param jobId the job
	 * @return a context as the GitLab webhook fills it
	 */
	static JobContext webhook(String runner, long jobId) {
		return new JobContext(JobContext.Source.WEBHOOK, AT, "https://gitlab.example.com", "group/app", 7L, jobId,
				"https://gitlab.example.com/group/app/-/jobs/" + jobId, "build", 900L, "main", "0123abcd", null, runner,
				null);
	}

}
