package io.tracedoc.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.pattern.Category;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link LabelledCorpus} and {@link Evaluation} on small folders written for
 * the behaviour each checks.
 */
class LabelledCorpusTests {

	private static final DiagnosisEngine ENGINE = new DiagnosisEngine(PatternLoader.loadBundled());

	@TempDir
	Path folder;

	@Test
	void scoresTopOneTopThreeAndTheConfusionsOfALabelledFolder() throws IOException {
		write("dns.log", "fatal: unable to access 'https://gitlab.example.com/g/p.git/': Could not resolve host: "
				+ "gitlab.example.com\nERROR: Job failed: exit code 1\n");
		write("ok.log", "$ make\nok\nJob succeeded\n");
		write("wrong.log", "$ make\nok\nJob succeeded\n");
		manifest(
				"""
						- { file: dns.log, source: 'https://example.org/1', label: git-dns-failure, cause: c, settled: thread, executor: docker, shape: fragment }
						- { file: ok.log, source: 'https://example.org/2', label: job-succeeded, cause: c, settled: evident, executor: shell, shape: fragment }
						- { file: wrong.log, source: 'https://example.org/3', label: oom-killed, cause: c, settled: thread, executor: shell, shape: fragment }
						""");
		Evaluation evaluation = Evaluation.of(LabelledCorpus.read(this.folder), ENGINE);
		assertThat(evaluation.top1()).isEqualTo(2.0 / 3);
		assertThat(evaluation.top3()).isEqualTo(2.0 / 3);
		assertThat(evaluation.causesOnSucceededJobs()).isEmpty();
		assertThat(evaluation.confusions()).containsExactly(java.util.Map.entry("oom-killed → job-succeeded", 1L));
		assertThat(evaluation.perCategory().get(Category.GIT_DNS_FAILURE)).isEqualTo(new Evaluation.Score(1, 1, 1));
		assertThat(evaluation.perCategory().get(Category.JOB_SUCCEEDED)).satisfies((score) -> {
			assertThat(score.precision()).isEqualTo(0.5);
			assertThat(score.recall()).isEqualTo(1.0);
		});
	}

	@Test
	void countsACauseGivenToASucceededJob() throws IOException {
		write("failed.log", "$ make\nmake: *** [all] Error 2\nERROR: Job failed: exit code 2\n");
		manifest(
				"""
						- { file: failed.log, source: 'https://example.org/1', label: job-succeeded, cause: c, settled: thread, executor: shell, shape: fragment }
						""");
		Evaluation evaluation = Evaluation.of(LabelledCorpus.read(this.folder), ENGINE);
		assertThat(evaluation.causesOnSucceededJobs()).singleElement()
			.satisfies((result) -> assertThat(result.verdict()).isEqualTo(Category.SCRIPT_FAILURE));
	}

	@Test
	void refusesALogTheManifestDoesNotLabel() throws IOException {
		write("a.log", "x\n");
		write("b.log", "y\n");
		manifest(
				"""
						- { file: a.log, source: 'https://example.org/1', label: job-succeeded, cause: c, settled: thread, executor: shell, shape: fragment }
						""");
		assertThatThrownBy(() -> LabelledCorpus.read(this.folder)).hasMessageContaining("does not label b.log");
	}

	@Test
	void refusesALabelOutsideTheTaxonomyAMissingFileAndNoSource() throws IOException {
		write("a.log", "x\n");
		manifest(
				"""
						- { file: a.log, source: 'https://example.org/1', label: flaky-network, cause: c, settled: thread, executor: shell, shape: fragment }
						""");
		assertThatThrownBy(() -> LabelledCorpus.read(this.folder)).hasMessageContaining("label flaky-network");
		manifest(
				"""
						- { file: a.log, source: 'https://example.org/1', label: unknown, cause: c, settled: thread, executor: shell, shape: fragment }
						""");
		assertThatThrownBy(() -> LabelledCorpus.read(this.folder)).hasMessageContaining("never unknown");
		manifest(
				"""
						- { file: gone.log, source: 'https://example.org/1', label: job-succeeded, cause: c, settled: thread, executor: shell, shape: fragment }
						""");
		assertThatThrownBy(() -> LabelledCorpus.read(this.folder)).hasMessageContaining("no such log");
		manifest(
				"""
						- { file: a.log, source: somewhere, label: job-succeeded, cause: c, settled: thread, executor: shell, shape: fragment }
						""");
		assertThatThrownBy(() -> LabelledCorpus.read(this.folder)).hasMessageContaining("public address");
	}

	@Test
	void refusesAFolderWithoutAManifest() {
		assertThatThrownBy(() -> LabelledCorpus.read(this.folder)).hasMessageContaining("has no manifest.yaml");
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(this.folder.resolve(name), text);
	}

	private void manifest(String yaml) throws IOException {
		Files.writeString(this.folder.resolve(LabelledCorpus.MANIFEST), yaml);
	}

}
