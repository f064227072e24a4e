package io.tracedoc.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracedocCli} and its {@code parse} command.
 */
class TracedocCliTests {

	private static final String TRACE = """
			\u001B[0KRunning with gitlab-runner 17.11.1 (96856197)\u001B[0;m
			\u001B[0K  on k8s-prod-runner XmDXAt7xd, system ID: s_5a4e4f0a6b1c\u001B[0;m
			section_start:1760010000:step_script\r\u001B[0K\u001B[0K\u001B[36;1mExecuting "step_script" stage of the job script\u001B[0;m\u001B[0;m
			\u001B[32;1m$ make test\u001B[0;m
			make: *** [Makefile:12: test] Error 2
			section_end:1760010042:step_script\r\u001B[0K\u001B[31;1mERROR: Job failed: command terminated with exit code 2\u001B[0;m
			""";

	@TempDir
	Path directory;

	@Test
	void printsTheSummaryOfATrace() throws IOException {
		CliRun run = CliRun.of("parse", trace().toString());
		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).contains("format     RAW (")
			.contains("runner     gitlab-runner 17.11.1 (96856197) on k8s-prod-runner XmDXAt7xd")
			.contains("outcome    FAILED at line 6, exit code 2")
			.contains("error      command terminated with exit code 2")
			.contains("failed in  step_script lines 3-5")
			.contains("       4  step_script          $ make test")
			.doesNotContain("make: *** [Makefile:12: test] Error 2");
	}

	@Test
	void printsEveryLineWithItsSectionWhenAskedForLines() throws IOException {
		CliRun run = CliRun.of("parse", trace().toString(), "--lines");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("     5  step_script              make: *** [Makefile:12: test] Error 2")
			.contains("     1  -                        Running with gitlab-runner 17.11.1 (96856197)");
	}

	@Test
	void printsTheWholeModelAsJson() throws IOException {
		CliRun run = CliRun.of("parse", "--json", trace().toString());
		assertThat(run.exitCode()).isZero();
		JsonNode model = JsonMapper.builder().build().readTree(run.out());
		assertThat(model.get("summary").get("outcome").asString()).isEqualTo("FAILED");
		assertThat(model.get("summary").get("finalStatus").get("exitCode").asInt()).isEqualTo(2);
		assertThat(model.get("summary").get("sections").get(0).get("name").asString()).isEqualTo("step_script");
		assertThat(model.get("lines")).hasSize(6);
		assertThat(model.get("lines").get(4).get("text").asString()).isEqualTo("make: *** [Makefile:12: test] Error 2");
	}

	@Test
	void readsStandardInputForADash() {
		InputStream original = System.in;
		System.setIn(new ByteArrayInputStream(TRACE.getBytes(StandardCharsets.UTF_8)));
		try {
			CliRun run = CliRun.of("parse", "-");
			assertThat(run.exitCode()).isZero();
			assertThat(run.out()).contains("outcome    FAILED at line 6, exit code 2");
		}
		finally {
			System.setIn(original);
		}
	}

	@Test
	void exitsWithTwoWhenTheFileIsMissing() {
		Path missing = this.directory.resolve("job.log");
		CliRun run = CliRun.of("parse", missing.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("tracedoc: " + missing + ": no such file" + System.lineSeparator());
		assertThat(run.out()).isEmpty();
	}

	@Test
	void exitsWithTwoWhenTheFileIsADirectory() {
		CliRun run = CliRun.of("parse", this.directory.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("tracedoc: " + this.directory + " is a directory, not a log file");
	}

	@Test
	void exitsWithTwoForAnUnknownOption() throws IOException {
		CliRun run = CliRun.of("parse", "--jsno", trace().toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("Unknown option: '--jsno'").contains("Usage: tracedoc parse");
	}

	@Test
	void listsTheCommandsForHelp() {
		CliRun run = CliRun.of("--help");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Usage: tracedoc").contains("parse").contains("bench");
		assertThat(CliRun.of("parse", "--help").out()).contains("--json").contains("standard input");
	}

	@Test
	void leavesTheServiceCommandsToSpring() {
		assertThat(TracedocCli.handles(new String[] { "parse", "job.log" })).isTrue();
		assertThat(TracedocCli.handles(new String[] { "bench", "parse" })).isTrue();
		assertThat(TracedocCli.handles(new String[] {})).isFalse();
		assertThat(TracedocCli.handles(new String[] { "serve" })).isFalse();
		assertThat(TracedocCli.handles(new String[] { "--server.port=9090" })).isFalse();
		assertThat(TracedocCli.serverArguments(new String[] { "serve", "--server.port=9090" }))
			.containsExactly("--server.port=9090");
	}

	private Path trace() throws IOException {
		return Files.writeString(this.directory.resolve("job.log"), TRACE);
	}

}
