package io.tracedoc.history;

import java.nio.file.Path;
import java.time.Duration;

import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.history.HistoryViews.FacetCount;
import io.tracedoc.history.HistoryViews.FeedbackEntry;
import io.tracedoc.history.HistoryViews.FeedbackStats;
import io.tracedoc.pattern.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for feedback on diagnoses: stored, replaced, counted in the stats and listed for
 * pattern authors.
 */
class FeedbackTests {

	@TempDir
	Path directory;

	private HistoryFixture history;

	@BeforeEach
	void open() {
		this.history = new HistoryFixture(this.directory);
	}

	@AfterEach
	void close() {
		this.history.close();
	}

	@Test
	void countsRightAndWrongInTheStatsWithTheCorrectedCategories() {
		StoredDiagnosis right = this.history.diagnose(HistorySearchTests.rbacLog("cicd", 1), "group/app");
		StoredDiagnosis wrong = this.history.diagnose(HistorySearchTests.rbacLog("cicd", 2), "group/app");
		StoredDiagnosis unknown = this.history.diagnose(HistorySearchTests.unknownLog(1), "group/app");
		this.history.store.feedback(right.id(), Feedback.Verdict.RIGHT, null, null);
		this.history.store.feedback(wrong.id(), Feedback.Verdict.WRONG, Category.K8S_SERVICE_ACCOUNT_MISSING, null);
		this.history.store.feedback(unknown.id(), Feedback.Verdict.WRONG, Category.K8S_API_UNREACHABLE, null);
		FeedbackStats stats = this.history.search.stats(HistoryViews.Query.period(null)).feedback();
		assertThat(stats.right()).isEqualTo(1);
		assertThat(stats.wrong()).isEqualTo(2);
		assertThat(stats.wrongByCategory()).containsExactly(new FacetCount("k8s-rbac-forbidden", 1),
				new FacetCount("unknown", 1));
		assertThat(stats.correctedTo()).containsExactly(new FacetCount("k8s-api-unreachable", 1),
				new FacetCount("k8s-service-account-missing", 1));
	}

	@Test
	void keepsOnlyThePersonsLatestWordOnADiagnosis() {
		StoredDiagnosis stored = this.history.diagnose(HistorySearchTests.rbacLog("cicd", 1), "group/app");
		this.history.store.feedback(stored.id(), Feedback.Verdict.WRONG, Category.K8S_NAMESPACE_MISSING, "hm");
		this.history.clock.advance(Duration.ofMinutes(5));
		this.history.store.feedback(stored.id(), Feedback.Verdict.RIGHT, null, "it was RBAC after all");
		assertThat(this.history.search.feedback(null, 10)).singleElement().satisfies((entry) -> {
			assertThat(entry.feedback().verdict()).isEqualTo(Feedback.Verdict.RIGHT);
			assertThat(entry.feedback().note()).isEqualTo("it was RBAC after all");
			assertThat(entry.feedback().at()).isEqualTo(HistoryFixture.START.plus(Duration.ofMinutes(5)));
		});
		assertThat(this.history.search.stats(HistoryViews.Query.period(null)).feedback().wrong()).isZero();
	}

	@Test
	void listsWrongDiagnosesForPatternAuthorsNewestFirst() {
		StoredDiagnosis first = this.history.diagnose(HistorySearchTests.rbacLog("cicd", 1), "group/app");
		StoredDiagnosis second = this.history.diagnose(HistorySearchTests.unknownLog(1), "group/app");
		StoredDiagnosis fine = this.history.diagnose(HistorySearchTests.rbacLog("cicd", 3), "group/app");
		this.history.store.feedback(first.id(), Feedback.Verdict.WRONG, Category.K8S_SERVICE_ACCOUNT_MISSING,
				"the account does not exist");
		this.history.clock.advance(Duration.ofMinutes(1));
		this.history.store.feedback(second.id(), Feedback.Verdict.WRONG, Category.K8S_API_UNREACHABLE, null);
		this.history.store.feedback(fine.id(), Feedback.Verdict.RIGHT, null, null);
		assertThat(this.history.search.feedback(Feedback.Verdict.WRONG, 10))
			.extracting((entry) -> entry.feedback().diagnosis(), FeedbackEntry::category, FeedbackEntry::pattern,
					(entry) -> entry.feedback().correctCategory())
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(second.id(), "unknown", null, Category.K8S_API_UNREACHABLE),
					org.assertj.core.groups.Tuple.tuple(first.id(), "k8s-rbac-forbidden",
							first.diagnosis().top().pattern(), Category.K8S_SERVICE_ACCOUNT_MISSING));
	}

	@Test
	void redactsSecretsInANote() {
		StoredDiagnosis stored = this.history.diagnose(HistorySearchTests.rbacLog("cicd", 1), "group/app");
		Feedback feedback = this.history.store
			.feedback(stored.id(), Feedback.Verdict.WRONG, null, "token glpat-AbCdEfGhIjKlMnOpQrSt did not work")
			.orElseThrow();
		assertThat(feedback.note()).doesNotContain("glpat-AbCd").contains("[REDACTED]");
		assertThat(this.history.search.feedback(null, 1).get(0).feedback().note()).doesNotContain("glpat-AbCd");
	}

	@Test
	void refusesFeedbackOnAnUnknownDiagnosis() {
		assertThat(this.history.store.feedback("nosuchid2345", Feedback.Verdict.RIGHT, null, null)).isEmpty();
		assertThat(this.history.search.feedback(null, 10)).isEmpty();
	}

}
