package io.tracedoc.history;

import java.nio.file.Path;
import java.time.Duration;

import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.history.HistoryViews.Cluster;
import io.tracedoc.history.HistoryViews.FacetCount;
import io.tracedoc.history.HistoryViews.Row;
import io.tracedoc.history.HistoryViews.SearchPage;
import io.tracedoc.history.HistoryViews.Similar;
import io.tracedoc.history.HistoryViews.SimilarGroup;
import io.tracedoc.history.HistoryViews.Stats;
import io.tracedoc.pattern.Category;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HistorySearch}: search, facets, statistics, similar failures and
 * unknown clusters over real diagnoses in a real temporary index.
 */
class HistorySearchTests {

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
	void searchesTheLogTextAndTheKeywordFields() {
		StoredDiagnosis rbac = this.history.diagnose(rbacLog("cicd", 1), "group/app");
		StoredDiagnosis unknown = this.history.diagnose(unknownLog(1), "group/other");
		assertThat(ids(search("secrets"))).containsExactly(rbac.id());
		assertThat(ids(search("capacitor"))).containsExactly(unknown.id());
		assertThat(ids(search("category:unknown"))).containsExactly(unknown.id());
		assertThat(ids(search("project:\"group/app\""))).containsExactly(rbac.id());
		assertThat(ids(search("namespace:cicd AND forbidden"))).containsExactly(rbac.id());
		assertThat(ids(search("capacitor AND category:k8s-rbac-forbidden"))).isEmpty();
	}

	@Test
	void listsNewestFirstAndPages() {
		StoredDiagnosis first = this.history.diagnose(rbacLog("cicd", 1), "group/app");
		this.history.clock.advance(Duration.ofMinutes(1));
		StoredDiagnosis second = this.history.diagnose(rbacLog("cicd", 2), "group/app");
		this.history.clock.advance(Duration.ofMinutes(1));
		StoredDiagnosis third = this.history.diagnose(rbacLog("cicd", 3), "group/app");
		assertThat(ids(search(""))).containsExactly(third.id(), second.id(), first.id());
		SearchPage page = this.history.search
			.search(new HistoryViews.Query(null, null, null, null, null, null, null, 1, 1));
		assertThat(page.total()).isEqualTo(3);
		assertThat(ids(page)).containsExactly(second.id());
	}

	@Test
	void filtersByCategoryProjectAndTime() {
		StoredDiagnosis old = this.history.diagnose(rbacLog("cicd", 1), "group/app");
		this.history.clock.advance(Duration.ofDays(2));
		StoredDiagnosis recent = this.history.diagnose(rbacLog("cicd", 2), "group/app");
		StoredDiagnosis elsewhere = this.history.diagnose(unknownLog(2), "group/other");
		assertThat(ids(this.history.search
			.search(new HistoryViews.Query(null, Category.K8S_RBAC_FORBIDDEN, null, null, null, null, null, 0, 10))))
			.containsExactly(recent.id(), old.id());
		assertThat(ids(this.history.search
			.search(new HistoryViews.Query(null, null, "group/other", null, null, null, null, 0, 10))))
			.containsExactly(elsewhere.id());
		assertThat(ids(this.history.search
			.search(new HistoryViews.Query(null, null, null, null, null, null, recent.createdAt(), 0, 10))))
			.containsExactlyInAnyOrder(recent.id(), elsewhere.id());
		assertThat(ids(this.history.search.search(
				new HistoryViews.Query(null, null, null, null, null, null, recent.createdAt().plusMillis(1), 0, 10))))
			.isEmpty();
	}

	@Test
	void countsFacetsOverEveryMatchNotJustThePage() {
		this.history.diagnose(rbacLog("cicd", 1), "group/app");
		this.history.diagnose(rbacLog("build", 2), "group/app");
		this.history.diagnose(unknownLog(3), "group/other");
		SearchPage page = this.history.search
			.search(new HistoryViews.Query(null, null, null, null, null, null, null, 0, 1));
		assertThat(page.rows()).hasSize(1);
		assertThat(page.facets().get("category")).containsExactly(new FacetCount("k8s-rbac-forbidden", 2),
				new FacetCount("unknown", 1));
		assertThat(page.facets().get("project")).containsExactly(new FacetCount("group/app", 2),
				new FacetCount("group/other", 1));
		assertThat(page.facets().get("namespace")).containsExactlyInAnyOrder(new FacetCount("cicd", 1),
				new FacetCount("build", 1));
		assertThat(page.facets().get("pattern")).extracting(FacetCount::count).containsExactly(2L);
		assertThat(page.facets().get("day")).containsExactly(new FacetCount("2026-11-02", 3));
		assertThat(page.facets().get("runner")).containsExactly(new FacetCount("k8s-runner", 3));
	}

	@Test
	void refusesAQueryThatIsNotLuceneSyntax() {
		assertThatExceptionOfType(InvalidQueryException.class).isThrownBy(() -> search("category:(unknown"))
			.withMessageContaining("not valid Lucene query syntax");
	}

	@Test
	void refusesAQueryWithMoreClausesThanLuceneAllows() {
		this.history.diagnose(rbacLog("cicd", 1), "group/app");
		String huge = String.join(" OR ", java.util.Collections.nCopies(1500, "word"));
		assertThatExceptionOfType(InvalidQueryException.class).isThrownBy(() -> search(huge))
			.withMessageContaining("too many");
		assertThatExceptionOfType(InvalidQueryException.class)
			.isThrownBy(() -> this.history.search.stats(LuceneDiagnosisStoreTests.query(huge)));
	}

	@Test
	void answersAnEmptyHistory() {
		assertThat(search("anything").total()).isZero();
		Stats stats = this.history.search.stats(HistoryViews.Query.period(null));
		assertThat(stats.diagnoses()).isZero();
		assertThat(stats.unknownRate()).isZero();
		assertThat(stats.trend()).isEmpty();
		assertThat(this.history.search.clusters(HistoryViews.Query.period(null), 10)).isEmpty();
	}

	@Test
	void countsStatsAndTrendsPerDay() {
		this.history.diagnose(rbacLog("cicd", 1), "group/app");
		this.history.diagnose(unknownLog(1), "group/app");
		this.history.clock.advance(Duration.ofDays(1));
		this.history.diagnose(unknownLog(2), "group/app");
		this.history.diagnose("$ make\nok\nJob succeeded\n", "group/app");
		Stats stats = this.history.search.stats(HistoryViews.Query.period(null));
		assertThat(stats.diagnoses()).isEqualTo(4);
		assertThat(stats.failed()).isEqualTo(3);
		assertThat(stats.unknown()).isEqualTo(2);
		assertThat(stats.unknownRate()).isEqualTo(2.0 / 3);
		assertThat(stats.trend()).hasSize(2);
		assertThat(stats.trend().get(0).day()).isEqualTo("2026-11-02");
		assertThat(stats.trend().get(0).categories()).containsExactlyInAnyOrder(new FacetCount("k8s-rbac-forbidden", 1),
				new FacetCount("unknown", 1));
		assertThat(stats.trend().get(1).day()).isEqualTo("2026-11-03");
		assertThat(stats.trend().get(1).categories()).containsExactlyInAnyOrder(new FacetCount("unknown", 1),
				new FacetCount("job-succeeded", 1));
		Stats filtered = this.history.search
			.stats(new HistoryViews.Query("capacitor", null, null, null, null, null, null, 0, 1));
		assertThat(filtered.diagnoses()).isEqualTo(2);
		assertThat(filtered.trend()).extracting(HistoryViews.TrendDay::total).containsExactly(1L, 1L);
		Stats lastDay = this.history.search
			.stats(HistoryViews.Query.period(HistoryFixture.START.plus(Duration.ofDays(1))));
		assertThat(lastDay.diagnoses()).isEqualTo(2);
		assertThat(lastDay.trend()).extracting(HistoryViews.TrendDay::day).containsExactly("2026-11-03");
	}

	@Test
	void findsPastFailuresWithTheSamePatternAndKeyCapturesWhateverThePod() {
		StoredDiagnosis first = this.history.diagnose(rbacLog("cicd", 1), "group/app");
		this.history.clock.advance(Duration.ofHours(5));
		StoredDiagnosis second = this.history.diagnose(rbacLog("cicd", 2), "group/api");
		this.history.clock.advance(Duration.ofHours(5));
		this.history.diagnose(rbacLog("other-ns", 3), "group/app");
		this.history.clock.advance(Duration.ofHours(5));
		StoredDiagnosis latest = this.history.diagnose(rbacLog("cicd", 4), "group/app");

		Similar similar = this.history.search.similar(latest.id()).orElseThrow();
		SimilarGroup same = group(similar, "same-pattern-and-captures");
		assertThat(same.count()).isEqualTo(2);
		assertThat(same.firstSeen()).isEqualTo(first.createdAt());
		assertThat(same.lastSeen()).isEqualTo(second.createdAt());
		assertThat(same.projects()).containsExactlyInAnyOrder(new FacetCount("group/app", 1),
				new FacetCount("group/api", 1));
		assertThat(same.recent()).extracting(Row::id).containsExactly(second.id(), first.id());
		assertThat(group(similar, "same-pattern").count()).isEqualTo(3);
		assertThat(similar.groups()).extracting(SimilarGroup::kind).doesNotContain("same-signature");
	}

	@Test
	void findsNothingSimilarForTheFirstOfItsKind() {
		StoredDiagnosis only = this.history.diagnose(rbacLog("cicd", 1), "group/app");
		assertThat(this.history.search.similar(only.id()).orElseThrow().groups()).isEmpty();
		assertThat(this.history.search.similar("nosuchid2345")).isEmpty();
	}

	@Test
	void groupsUnknownFailuresWhoseLinesDifferOnlyInPodsNumbersHashesAndPaths() {
		StoredDiagnosis a = this.history.diagnose(unknownLog(1), "group/app");
		StoredDiagnosis b = this.history.diagnose(unknownLog(2), "group/api");
		StoredDiagnosis c = this.history.diagnose(unknownLog(3), "group/app");
		StoredDiagnosis different = this.history
			.diagnose(HistoryFixture.unknownLog("runner-q-project-1-concurrent-0", 0, "cafe1234")
				.replace("lost its charge", "refused to time-travel"), "group/web");
		assertThat(a.diagnosis().category()).isEqualTo(Category.UNKNOWN);

		Similar similar = this.history.search.similar(c.id()).orElseThrow();
		assertThat(similar.signature()).isNotNull();
		SimilarGroup same = group(similar, "same-signature");
		assertThat(same.count()).isEqualTo(2);
		assertThat(same.recent()).extracting(Row::id).containsExactlyInAnyOrder(a.id(), b.id());
		SimilarGroup textSimilar = group(similar, "text-similar");
		assertThat(textSimilar.recent()).extracting(Row::id).containsExactly(different.id());

		assertThat(this.history.search.clusters(HistoryViews.Query.period(null), 10)).first().satisfies((cluster) -> {
			assertThat(cluster.signature()).isEqualTo(similar.signature());
			assertThat(cluster.count()).isEqualTo(3);
			assertThat(cluster.projects()).containsExactly(new FacetCount("group/app", 2),
					new FacetCount("group/api", 1));
			assertThat(cluster.lines()).anySatisfy((line) -> assertThat(line).contains("flux capacitor <hash>")
				.contains("<ip>")
				.contains("<path>")
				.doesNotContain("10.0.3"));
		});
		assertThat(this.history.search.clusters(HistoryViews.Query.period(null), 10)).extracting(Cluster::count)
			.containsExactly(3L, 1L);
	}

	@Test
	void clustersNoDiagnosisThatAPatternExplains() {
		this.history.diagnose(rbacLog("cicd", 1), "group/app");
		assertThat(this.history.search.clusters(HistoryViews.Query.period(null), 10)).isEmpty();
	}

	private static SimilarGroup group(Similar similar, String kind) {
		return similar.groups().stream().filter((group) -> group.kind().equals(kind)).findFirst().orElseThrow();
	}

	private SearchPage search(String text) {
		return this.history.search.search(LuceneDiagnosisStoreTests.query(text));
	}

	private static java.util.List<String> ids(SearchPage page) {
		return page.rows().stream().map(Row::id).toList();
	}

	static String rbacLog(String namespace, int job) {
		return HistoryFixture.rbacLog(namespace, "runner-x" + job + "abc-project-7-concurrent-" + job);
	}

	static String unknownLog(int job) {
		return HistoryFixture.unknownLog("runner-z" + job + "k-project-9-concurrent-0", job, "deadbeef" + job + "0a1");
	}

}
