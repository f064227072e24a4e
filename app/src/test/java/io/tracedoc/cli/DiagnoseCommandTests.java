package io.tracedoc.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code tracedoc diagnose} and {@code tracedoc coverage}, run in-process;
 * without probes, so the kubeconfig of the machine running them does not count
 * ({@link DiagnoseCommandProbesTests} tests the probes).
 */
class DiagnoseCommandTests {

	private static final String SEED = "../grammar/src/test/resources/examples/seed-000-secrets-forbidden-ui-copy.log";

	@TempDir
	Path temp;

	@Test
	void printsTheVerdictEvidenceAndFixForAPerson() {
		CliRun run = CliRun.of("diagnose", "--no-probes", SEED);
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("k8s-rbac-forbidden: ")
			.contains("evidence",
					"       9 > ERROR: Job failed (system failure): prepare environment: secrets is forbidden")
			.contains("fix (kubernetes-yaml)", "kind: RoleBinding", "NOT_CHECKED rbac-access-review");
	}

	@Test
	void printsTheDiagnosisJsonWithTheCategoryAndFindingsBestFirst() {
		CliRun run = CliRun.of("diagnose", "--no-probes", "--json", SEED);
		JsonNode json = JsonMapper.builder().build().readTree(run.out());
		assertThat(json.get("category").asString()).isEqualTo("k8s-rbac-forbidden");
		assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
		assertThat(json.get("findings").get(0).get("pattern").asString()).isEqualTo("k8s-rbac-forbidden");
		assertThat(json.get("findings").get(0).get("category").asString()).isEqualTo("k8s-rbac-forbidden");
		assertThat(json.get("findings").get(0).get("confidence").get("level").asString()).isEqualTo("high");
	}

	@Test
	void saysJobSucceededAndUnknownInTheCategory() throws Exception {
		Path succeeded = Files.writeString(this.temp.resolve("ok.log"), "$ make\nJob succeeded\n");
		Path unknown = Files.writeString(this.temp.resolve("odd.log"),
				"$ ./x\nsomething odd\nERROR: Job failed: bad luck\n");
		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(CliRun.of("diagnose", "--no-probes", "--json", succeeded.toString(), unknown.toString()).out());
		assertThat(json.get(0).get("file").asString()).endsWith("ok.log");
		assertThat(json.get(0).get("diagnosis").get("category").asString()).isEqualTo("job-succeeded");
		assertThat(json.get(1).get("diagnosis").get("category").asString()).isEqualTo("unknown");
	}

	@Test
	void exitsWithTwoAndAClearMessageWhenALogCannotBeRead() {
		CliRun run = CliRun.of("diagnose", "--no-probes", this.temp.resolve("missing.log").toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("missing.log: no such file");
	}

	@Test
	void diagnosesBinaryInputWithoutComplaint() throws Exception {
		byte[] binary = new byte[4096];
		new java.util.Random(7).nextBytes(binary);
		Path file = Files.write(this.temp.resolve("binary.log"), binary);
		CliRun run = CliRun.of("diagnose", "--no-probes", "--json", file.toString());
		assertThat(run.exitCode()).isZero();
		assertThat(JsonMapper.builder().build().readTree(run.out()).get("outcome").asString()).isEqualTo("UNKNOWN");
	}

	@Test
	void reportsWhatALibraryDirectoryGetsWrong() throws Exception {
		Files.createDirectories(this.temp.resolve("lib/oom-killed"));
		Files.writeString(this.temp.resolve("lib/oom-killed/broken.yaml"), "id: broken\n");
		CliRun run = CliRun.of("diagnose", "--no-probes", "--patterns", this.temp.resolve("lib").toString(), SEED);
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("patterns/oom-killed/broken.yaml");
	}

	@Test
	void coverageTellsWhichLogsMatchedWhatAndWhichMatchedNothing() throws Exception {
		Files.copy(Path.of(SEED), this.temp.resolve("rbac.log"));
		Files.writeString(this.temp.resolve("odd.log"), "$ ./x\nsomething odd\nERROR: Job failed: bad luck\n");
		Files.writeString(this.temp.resolve("notes.md"), "not a log");
		CliRun run = CliRun.of("coverage", this.temp.toString());
		assertThat(run.out())
			.contains("rbac.log", "k8s-rbac-forbidden", "2 logs: 1 explained, 0 succeeded, 1 matched nothing",
					"matched nothing:\n  odd.log", "k8s-rbac-forbidden                       1 log(s)")
			.doesNotContain("notes.md");
	}

}
