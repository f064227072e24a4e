package io.tracedoc.diagnosis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;

import io.tracedoc.gitlab.JobTraceFetcher;
import io.tracedoc.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Takes a log from the web page or the API to {@link DiagnosisService}: refuses, with a
 * sentence saying why, what is no job log at all (nothing, an archive, an image, UTF-16
 * text), and fetches a job's log from GitLab for its URL. Anything else is diagnosed,
 * invalid UTF-8 and stray control characters included: the engine reads any bytes.
 */
@Component
public class LogIntake {

	/** How much of a log is looked at to tell text from something else. */
	static final int SNIFF_BYTES = 8192;

	private final DiagnosisService diagnoses;

	private final JobTraceFetcher gitlab;

	LogIntake(DiagnosisService diagnoses, JobTraceFetcher gitlab) {
		this.diagnoses = diagnoses;
		this.gitlab = gitlab;
	}

	/**
	 * @param log the log; read to its end, not closed
	 * @param context where it came from
	 * @return the stored diagnosis
	 * @throws IOException when reading fails
	 * @throws org.springframework.web.ErrorResponseException when it is no job log
	 * @throws LogTooLargeException when it exceeds the limit
	 */
	public StoredDiagnosis diagnose(InputStream log, JobContext context) throws IOException {
		BufferedInputStream in = new BufferedInputStream(log, SNIFF_BYTES);
		in.mark(SNIFF_BYTES);
		byte[] head = in.readNBytes(SNIFF_BYTES);
		in.reset();
		refuseUnlessText(head, head.length < SNIFF_BYTES);
		return this.diagnoses.diagnose(in, context);
	}

	/**
	 * @return {@code true} when job URLs can be fetched
	 */
	public boolean gitlabConfigured() {
		return this.gitlab.configured();
	}

	/**
	 * @param jobUrl the job's web URL as the user gave it
	 * @param source how it arrived
	 * @return the stored diagnosis of the job's log
	 * @throws IOException when reading the log fails
	 */
	public StoredDiagnosis diagnoseJob(String jobUrl, JobContext.Source source) throws IOException {
		if (!this.gitlab.configured()) {
			throw Problems.of(HttpStatus.NOT_IMPLEMENTED, "GitLab not configured",
					"No GitLab token is configured, so tracedoc cannot fetch job logs from GitLab. "
							+ "Paste the log or upload its file instead.");
		}
		URI url = jobUrl(jobUrl);
		JobContext context = new JobContext(source, Instant.now(), null, null, null, null, url.toString(), null, null,
				null, null, null, null, null);
		InputStream log;
		try {
			log = this.gitlab.fetch(url);
		}
		catch (IOException ex) {
			throw Problems.of(HttpStatus.BAD_GATEWAY, "GitLab did not give the log",
					"GitLab did not return this job's log: check that the URL names a job the configured token may read.");
		}
		try (log) {
			return diagnose(log, context);
		}
	}

	/**
	 * Keeps scheme, host, port and path: a query or user info could carry a token, and
	 * the URL is stored and shown.
	 */
	static URI jobUrl(String text) {
		try {
			URI url = new URI((text != null) ? text.strip() : "");
			boolean web = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
			if (web && url.getHost() != null && url.getRawPath() != null && url.getRawPath().contains("/-/jobs/")) {
				return new URI(url.getScheme().toLowerCase(Locale.ROOT), null, url.getHost(), url.getPort(),
						url.getPath(), null, null);
			}
		}
		catch (URISyntaxException ex) {
			// answered below
		}
		throw Problems.of(HttpStatus.BAD_REQUEST, "Not a job URL",
				"Give the job's page URL as GitLab shows it, such as https://gitlab.example.com/group/project/-/jobs/42.");
	}

	/**
	 * @param head the first bytes of the log
	 * @param whole {@code true} when {@code head} is the whole log
	 */
	static void refuseUnlessText(byte[] head, boolean whole) {
		if (whole && isBlank(head)) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Empty log",
					"The log is empty: paste the job's log, or choose its file.");
		}
		String kind = binaryKind(head);
		if (kind != null) {
			throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Not a text log", kind);
		}
	}

	private static boolean isBlank(byte[] head) {
		for (byte b : head) {
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Says what the bytes are when they are plainly no text, else {@code null}: a known
	 * archive signature, a UTF-16 byte order mark, or more than one byte in twenty that
	 * is a control character no terminal output uses (escape, tab, line feed, carriage
	 * return, form feed and backspace do appear in job logs).
	 */
	private static String binaryKind(byte[] head) {
		if (startsWith(head, 0x1f, 0x8b)) {
			return "This is a gzip archive, not a job log: unpack it and send the .log inside.";
		}
		if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, '7', 'z', 0xbc, 0xaf)
				|| startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0)) {
			return "This is an archive, not a job log: unpack it and send the .log inside.";
		}
		if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
			return "This log is UTF-16 text: save it as UTF-8 and send it again.";
		}
		int control = 0;
		for (byte b : head) {
			int c = b & 0xff;
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\b' && c != 0x1b) || c == 0x7f) {
				control++;
			}
		}
		if (head.length >= 32 && control * 20 > head.length) {
			return "This file is not text (an image, an archive or a program?): send the job's log, "
					+ "a .log or .txt file as GitLab gives it.";
		}
		return null;
	}

	private static boolean startsWith(byte[] head, int... magic) {
		if (head.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xff) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
