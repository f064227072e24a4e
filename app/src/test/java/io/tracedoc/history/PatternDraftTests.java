package io.tracedoc.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.pattern.Category;
import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.FailurePattern.PatternExample;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PatternDraft}: a pattern drafted for a cluster of unknown failures is
 * accepted by the {@link PatternLoader}, recognises the cluster's failures and stays
 * quiet on others.
 */
class PatternDraftTests {

	@TempDir
	Path index;

	@TempDir
	Path library;

	private HistoryFixture history;

	@BeforeEach
	void open() {
		this.history = new HistoryFixture(this.index);
	}

	@AfterEach
	void close() {
		this.history.close();
	}

	@Test
	void draftsAPatternTheLoaderAcceptsAndThatRecognisesTheCluster() throws IOException {
		List<String> logs = List.of(HistorySearchTests.unknownLog(1), HistorySearchTests.unknownLog(2),
				HistorySearchTests.unknownLog(3));
		logs.forEach((log) -> this.history.diagnose(log, "group/app"));
		String other = HistoryFixture.unknownLog("runner-q-project-1-concurrent-0", 0, "cafe1234")
			.replace("lost its charge", "refused to time-travel");
		this.history.diagnose(other, "group/web");
		String signature = this.history.search.clusters(HistoryViews.Query.period(null), 1).get(0).signature();

		String yaml = this.history.search.draftPattern(signature).orElseThrow();
		assertThat(yaml).startsWith("# Drafted by tracedoc")
			.contains("id: draft-" + signature)
			.contains("category: runner-misconfiguration")
			.contains("expect: no-match");
		FailurePattern draft = load(yaml, "runner-misconfiguration", signature);
		assertThat(draft.examples()).filteredOn((example) -> example.expect() == FailurePattern.Expectation.MATCH)
			.hasSize(3);

		DiagnosisEngine engine = withDraft(draft);
		for (String log : logs) {
			assertThat(patterns(engine.diagnose(bytes(log)))).contains(draft.id());
		}
		assertThat(patterns(engine.diagnose(bytes(HistorySearchTests.unknownLog(4))))).contains(draft.id());
		assertThat(patterns(engine.diagnose(bytes(other)))).doesNotContain(draft.id());
		for (PatternExample example : draft.examples()) {
			assertThat(patterns(engine.diagnose(example.log()))).as(example.name())
				.satisfies((found) -> assertThat(found.contains(draft.id())).isEqualTo(example.expect().wantsMatch()));
		}
	}

	@Test
	void takesTheCategoryPeopleSaidTheFailuresHave() throws IOException {
		StoredDiagnosis member = this.history.diagnose(HistorySearchTests.unknownLog(1), "group/app");
		this.history.diagnose(HistorySearchTests.unknownLog(2), "group/app");
		this.history.store.feedback(member.id(), Feedback.Verdict.WRONG, Category.K8S_API_UNREACHABLE, null);
		String signature = this.history.search.clusters(HistoryViews.Query.period(null), 1).get(0).signature();
		String yaml = this.history.search.draftPattern(signature).orElseThrow();
		assertThat(yaml).contains("category: k8s-api-unreachable");
		assertThat(load(yaml, "k8s-api-unreachable", signature).category()).isEqualTo(Category.K8S_API_UNREACHABLE);
	}

	@Test
	void draftsNothingForAnUnknownSignature() {
		assertThat(this.history.search.draftPattern("0123456789abcdef")).isEmpty();
	}

	private FailurePattern load(String yaml, String category, String signature) throws IOException {
		Path file = this.library.resolve(category).resolve("draft-" + signature + ".yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, yaml);
		PatternCatalog catalog = PatternLoader.loadDirectory(this.library);
		assertThat(catalog.patterns()).hasSize(1);
		return catalog.patterns().get(0);
	}

	private static DiagnosisEngine withDraft(FailurePattern draft) {
		PatternCatalog bundled = PatternLoader.loadBundled();
		List<FailurePattern> all = new ArrayList<>(bundled.patterns());
		all.add(draft);
		return new DiagnosisEngine(PatternCatalog.of(all, bundled.probes()));
	}

	private static List<String> patterns(Diagnosis diagnosis) {
		return diagnosis.findings().stream().map(Finding::pattern).toList();
	}

	private static byte[] bytes(String log) {
		return log.getBytes(StandardCharsets.UTF_8);
	}

}
