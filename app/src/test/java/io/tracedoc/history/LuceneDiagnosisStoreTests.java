package io.tracedoc.history;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.tracedoc.diagnosis.DiagnosisStore.LogPage;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.trace.TextStyle;
import io.tracedoc.trace.TraceLine;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LuceneDiagnosisStore} on a real temporary directory.
 */
class LuceneDiagnosisStoreTests {

	@TempDir
	Path directory;

	@Test
	void findsADiagnosisByItsIdRightAfterItIsAcknowledged() {
		try (HistoryFixture history = new HistoryFixture(this.directory)) {
			StoredDiagnosis stored = history
				.diagnose(HistoryFixture.rbacLog("cicd", "runner-a1-project-7-concurrent-0"), "group/app");
			assertThat(history.store.find(stored.id())).contains(stored);
			assertThat(history.store.find("nosuchid2345")).isEmpty();
		}
	}

	@Test
	void keepsEveryDiagnosisAcrossAReopen() {
		StoredDiagnosis stored;
		try (HistoryFixture history = new HistoryFixture(this.directory)) {
			stored = history.diagnose(HistoryFixture.rbacLog("cicd", "runner-a1-project-7-concurrent-0"), "group/app");
		}
		try (HistoryFixture reopened = new HistoryFixture(this.directory)) {
			assertThat(reopened.store.find(stored.id())).contains(stored);
			assertThat(reopened.store.log(stored.id(), 0, 100).orElseThrow().totalLines()).isEqualTo(5);
		}
	}

	@Test
	void pagesThroughALongLogWithItsNumbersSectionsAndColours() throws Exception {
		StringBuilder log = new StringBuilder(
				"section_start:1700000000:step_script\r\u001b[0K\u001b[36;1mRunning\u001b[0;m\n");
		for (int i = 0; i < 5000; i++) {
			log.append("line ").append(i).append(" \u001b[31mred\u001b[0m\n");
		}
		log.append("section_end:1700000100:step_script\r\u001b[0K\nERROR: Job failed: exit code 1\n");
		try (HistoryFixture history = new HistoryFixture(this.directory)) {
			StoredDiagnosis stored = history.service.diagnose(
					new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)),
					JobContext.of(JobContext.Source.UPLOAD));
			LogPage page = history.store.log(stored.id(), 1020, 10).orElseThrow();
			assertThat(page.totalLines()).isEqualTo(5002);
			assertThat(page.fromIndex()).isEqualTo(1020);
			assertThat(page.lines()).hasSize(10);
			TraceLine line = page.lines().get(0);
			assertThat(line.text()).isEqualTo("line 1019 red");
			assertThat(line.number()).isEqualTo(1021);
			assertThat(line.section()).isZero();
			assertThat(line.runs()).singleElement()
				.satisfies((run) -> assertThat(run.style()).isEqualTo(TextStyle.DEFAULT.apply("31")));
			assertThat(page.sections()).singleElement().satisfies((section) -> {
				assertThat(section.name()).isEqualTo("step_script");
				assertThat(section.durationSeconds()).isEqualTo(100L);
			});
			LogPage last = history.store.log(stored.id(), 4995, 100).orElseThrow();
			assertThat(last.lines()).extracting(TraceLine::text).endsWith("ERROR: Job failed: exit code 1");
			assertThat(last.lines()).hasSize(7);
			assertThat(history.store.log(stored.id(), 9000, 10).orElseThrow().lines()).isEmpty();
		}
	}

	@Test
	void storesTheLogRedacted() {
		try (HistoryFixture history = new HistoryFixture(this.directory)) {
			StoredDiagnosis stored = history.diagnose("export TOKEN=glpat-AbCdEfGhIjKlMnOpQrSt\n"
					+ HistoryFixture.rbacLog("cicd", "runner-a1-project-7-concurrent-0"), "group/app");
			List<TraceLine> lines = history.store.log(stored.id(), 0, 1).orElseThrow().lines();
			assertThat(lines).extracting(TraceLine::text).containsExactly("export TOKEN=[REDACTED]");
			assertThat(history.search.search(query("glpat")).total()).isZero();
		}
	}

	@Test
	void commitsADiagnosisBeforeAcknowledgingIt() throws Exception {
		try (HistoryFixture history = new HistoryFixture(this.directory)) {
			StoredDiagnosis stored = history
				.diagnose(HistoryFixture.rbacLog("cicd", "runner-a1-project-7-concurrent-0"), "group/app");
			assertThat(committedIds()).containsExactly(stored.id());
		}
	}

	@Test
	void withACommitIntervalAcknowledgesFirstAndCommitsLater() throws Exception {
		try (HistoryFixture history = new HistoryFixture(this.directory,
				HistoryFixture.properties(this.directory, "1h"))) {
			StoredDiagnosis stored = history
				.diagnose(HistoryFixture.rbacLog("cicd", "runner-a1-project-7-concurrent-0"), "group/app");
			assertThat(history.store.find(stored.id())).contains(stored);
			assertThat(committedIds()).isEmpty();
			history.store.index().commit();
			assertThat(committedIds()).containsExactly(stored.id());
		}
	}

	/**
	 * @return the ids of the diagnoses in the last commit, as a process opening the
	 * directory after a crash would see them
	 */
	private List<String> committedIds() throws Exception {
		try (FSDirectory index = FSDirectory.open(this.directory)) {
			if (!DirectoryReader.indexExists(index)) {
				return List.of();
			}
			try (DirectoryReader reader = DirectoryReader.open(index)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				List<String> ids = new java.util.ArrayList<>();
				for (var hit : searcher.search(
						new TermQuery(new Term(HistoryDocuments.TYPE, HistoryDocuments.DIAGNOSIS_TYPE)),
						10).scoreDocs) {
					ids.add(searcher.storedFields().document(hit.doc).get(HistoryDocuments.ID));
				}
				return ids;
			}
		}
	}

	static HistoryViews.Query query(String text) {
		return new HistoryViews.Query(text, null, null, null, null, null, null, 0, 20);
	}

}
