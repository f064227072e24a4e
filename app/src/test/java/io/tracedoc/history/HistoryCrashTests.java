package io.tracedoc.history;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability of {@link LuceneDiagnosisStore}: a writer process is killed while it keeps
 * writing, and every diagnosis it acknowledged is in the index when it is opened again.
 */
class HistoryCrashTests {

	private static final int ACKNOWLEDGED = 25;

	@TempDir
	Path directory;

	@Test
	void keepsEveryAcknowledgedDiagnosisWhenTheWriterIsKilledMidStream() throws Exception {
		Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), CrashingWriter.class.getName(), this.directory.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		List<String> acknowledged = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while (acknowledged.size() < ACKNOWLEDGED && (line = out.readLine()) != null) {
				if (line.startsWith("ACK ")) {
					acknowledged.add(line.substring(4));
				}
			}
		}
		finally {
			// no shutdown hook, no close, no commit on close: as a crash or kill -9
			writer.destroyForcibly();
			assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(acknowledged).hasSize(ACKNOWLEDGED);
		try (HistoryFixture reopened = new HistoryFixture(this.directory)) {
			for (String id : acknowledged) {
				assertThat(reopened.store.find(id)).as(id).isPresent();
				assertThat(reopened.store.log(id, 0, 1).orElseThrow().lines()).as(id).hasSize(1);
			}
			assertThat(reopened.search.search(LuceneDiagnosisStoreTests.query("project:\"group/crash\"")).total())
				.isGreaterThanOrEqualTo(ACKNOWLEDGED);
		}
	}

}
