package io.tracedoc.history;

import java.nio.file.Path;

import io.tracedoc.diagnosis.StoredDiagnosis;

/**
 * The child process of {@link HistoryCrashTests}: diagnoses one log after another into a
 * history with the default commit policy, printing {@code ACK <id>} once each is
 * acknowledged, until it is killed.
 */
final class CrashingWriter {

	private CrashingWriter() {
	}

	public static void main(String[] args) {
		HistoryFixture history = new HistoryFixture(Path.of(args[0]));
		for (int job = 0;; job++) {
			String log = (job % 2 == 0) ? HistorySearchTests.rbacLog("cicd", job) : HistorySearchTests.unknownLog(job);
			StoredDiagnosis stored = history.diagnose(log.repeat(1 + job % 50), "group/crash");
			System.out.println("ACK " + stored.id());
			System.out.flush();
		}
	}

}
