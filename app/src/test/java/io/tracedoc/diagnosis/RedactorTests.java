package io.tracedoc.diagnosis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Redactor}, over a corpus of secrets as they appear in job logs
 * ({@code redaction/secrets.txt}) and of look-alikes that must stay untouched.
 */
class RedactorTests {

	@TestFactory
	Stream<DynamicTest> removesEverySecretOfTheCorpusAndLeavesLookAlikesAlone() throws IOException {
		return Files.readAllLines(Path.of("src/test/resources/redaction/secrets.txt"), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> {
				String[] columns = line.split("\t", -1);
				String input = columns[0];
				String secret = columns[1];
				return DynamicTest.dynamicTest(input, () -> {
					String redacted = new Redactor().redact(input);
					if (secret.isEmpty()) {
						assertThat(redacted).isEqualTo(input);
					}
					else {
						assertThat(redacted).doesNotContain(secret).contains(Redactor.REDACTED);
					}
				});
			});
	}

	@Test
	void keepsTheTokenPrefixSoTheKindOfTokenStaysVisible() {
		assertThat(new Redactor().redact("export GITLAB_TOKEN=glpat-AbCdEfGhIjKlMnOpQrSt"))
			.isEqualTo("export GITLAB_TOKEN=[REDACTED]");
		assertThat(new Redactor().redact("using glpat-AbCdEfGhIjKlMnOpQrSt now"))
			.isEqualTo("using glpat-[REDACTED] now");
	}

	@Test
	void keepsWhatTheRunnerAlreadyMasked() {
		String masked = "git clone https://gitlab-ci-token:[MASKED]@gitlab.example.com/group/project.git";
		assertThat(new Redactor().redact(masked)).isSameAs(masked);
	}

	@Test
	void redactsEveryLineOfAPrivateKeyBlockAndNothingAfterIt() {
		Redactor redactor = new Redactor();
		assertThat(redactor.redact("-----BEGIN OPENSSH PRIVATE KEY-----")).contains("BEGIN OPENSSH PRIVATE KEY");
		assertThat(redactor.redact("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"))
			.isEqualTo(Redactor.REDACTED);
		assertThat(redactor.redact("-----END OPENSSH PRIVATE KEY-----")).endsWith("-----END OPENSSH PRIVATE KEY-----");
		assertThat(redactor.redact("ssh -i key deploy@host")).isEqualTo("ssh -i key deploy@host");
		assertThat(redactor.redactions()).isEqualTo(3);
	}

	@Test
	void countsItsReplacements() {
		Redactor redactor = new Redactor();
		redactor.redact("a glpat-AbCdEfGhIjKlMnOpQrSt b");
		redactor.redact("nothing here");
		redactor.redact("https://user:pass1234@host/x");
		assertThat(redactor.redactions()).isEqualTo(2);
	}

}
