package io.tracedoc.history;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.tracedoc.diagnosis.StoredDiagnosis;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for retention by age and by size in {@link LuceneDiagnosisStore}.
 */
class RetentionTests {

	@TempDir
	Path directory;

	@Test
	void deletesDiagnosesOlderThanTheMaximumAgeWithTheirLogsAndFeedback() {
		try (HistoryFixture history = new HistoryFixture(this.directory,
				properties(Duration.ofDays(30), DataSize.ofGigabytes(1)))) {
			StoredDiagnosis oldest = history.diagnose(HistorySearchTests.rbacLog("cicd", 1), "group/app");
			history.store.feedback(oldest.id(), Feedback.Verdict.RIGHT, null, null);
			history.clock.advance(Duration.ofDays(10));
			StoredDiagnosis old = history.diagnose(HistorySearchTests.unknownLog(2), "group/app");
			history.clock.advance(Duration.ofDays(30));
			StoredDiagnosis recent = history.diagnose(HistorySearchTests.unknownLog(3), "group/app");
			history.clock.advance(Duration.ofDays(5));

			assertThat(history.store.enforceRetention()).isEqualTo(2);
			assertThat(history.store.find(oldest.id())).isEmpty();
			assertThat(history.store.find(old.id())).isEmpty();
			assertThat(history.store.log(old.id(), 0, 10)).isEmpty();
			assertThat(documentsOf(history, oldest.id())).isZero();
			assertThat(history.search.feedback(null, 10)).isEmpty();
			assertThat(history.store.find(recent.id())).isPresent();
			assertThat(history.store.log(recent.id(), 0, 10).orElseThrow().lines()).isNotEmpty();
			assertThat(history.search.stats(HistoryViews.Query.period(null)).diagnoses()).isEqualTo(1);
			assertThat(history.store.enforceRetention()).isZero();
		}
	}

	@Test
	void deletesTheOldestDiagnosesUntilTheRestFitTheMaximumSize() {
		long oneDiagnosis;
		try (HistoryFixture probe = new HistoryFixture(this.directory.resolve("probe"))) {
			probe.diagnose(HistorySearchTests.rbacLog("cicd", 1), "group/app");
			oneDiagnosis = probe.store.index()
				.read((searcher) -> HistoryIndex.docValue(searcher,
						searcher.search(new TermQuery(new Term(HistoryDocuments.TYPE, HistoryDocuments.DIAGNOSIS_TYPE)),
								1).scoreDocs[0].doc,
						HistoryDocuments.SIZE));
		}
		assertThat(oneDiagnosis).isPositive();
		try (HistoryFixture history = new HistoryFixture(this.directory.resolve("sized"),
				properties(Duration.ofDays(365), DataSize.ofBytes(oneDiagnosis * 5 / 2)))) {
			List<StoredDiagnosis> stored = new java.util.ArrayList<>();
			for (int job = 1; job <= 5; job++) {
				stored.add(history.diagnose(HistorySearchTests.rbacLog("cicd", job), "group/app"));
				history.clock.advance(Duration.ofMinutes(1));
			}
			assertThat(history.store.enforceRetention()).isEqualTo(3);
			assertThat(stored.subList(0, 3)).allSatisfy((gone) -> assertThat(history.store.find(gone.id())).isEmpty());
			assertThat(stored.subList(3, 5))
				.allSatisfy((kept) -> assertThat(history.store.find(kept.id())).isPresent());
		}
	}

	private HistoryProperties properties(Duration maxAge, DataSize maxSize) {
		return new HistoryProperties(true, this.directory, maxAge, maxSize, Duration.ofHours(1), Duration.ZERO,
				DataSize.ofMegabytes(16));
	}

	private static int documentsOf(HistoryFixture history, String id) {
		return history.store.index()
			.read((searcher) -> searcher.count(new TermQuery(new Term(HistoryDocuments.DIAGNOSIS, id))));
	}

}
