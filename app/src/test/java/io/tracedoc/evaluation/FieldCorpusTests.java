package io.tracedoc.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.evaluation.LabelledCorpus.LabelledLog;
import io.tracedoc.pattern.Category;
import io.tracedoc.pattern.PatternLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library holds on real job logs nobody here wrote: the field corpus
 * ({@code corpus/field}, gathered from public threads, labelled with the cause each
 * thread settled on). The figures are the bar; a miss is printed with what the
 * engine ranked, so a failure says which log to read.
 */
class FieldCorpusTests {

	private static final Path FIELD = Path.of("src/test/resources/corpus/field");

	private static LabelledCorpus corpus;

	private static Evaluation evaluation;

	@BeforeAll
	static void evaluate() {
		corpus = LabelledCorpus.read(FIELD);
		evaluation = Evaluation.of(corpus, new DiagnosisEngine(PatternLoader.loadBundled()));
	}

	@Test
	void holdsEnoughRealLogsOfEveryKind() throws IOException {
		assertThat(corpus.logs()).hasSizeGreaterThanOrEqualTo(150);
		assertThat(corpus.logs()).filteredOn((log) -> log.label() == Category.JOB_SUCCEEDED)
			.hasSizeGreaterThanOrEqualTo(10);
		assertThat(corpus.logs()).filteredOn((log) -> log.label() == Category.SCRIPT_FAILURE)
			.hasSizeGreaterThanOrEqualTo(10);
		long fragments = 0;
		for (LabelledLog log : corpus.logs()) {
			if (Files.readAllLines(FIELD.resolve(log.file()), java.nio.charset.StandardCharsets.ISO_8859_1)
				.size() < 20) {
				fragments++;
			}
		}
		assertThat(fragments * 3).isGreaterThanOrEqualTo(corpus.logs().size());
	}

	@Test
	void namesTheRightCauseFirstForNineteenLogsInTwenty() {
		assertThat(evaluation.top1()).as("top-1; misses:%n%s", misses()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void namesTheRightCauseAmongTheFirstThreeForAlmostEveryLog() {
		assertThat(evaluation.top3()).as("top-3; misses:%n%s", misses()).isGreaterThanOrEqualTo(0.99);
	}

	@Test
	void givesNoCauseToASucceededJob() {
		assertThat(evaluation.causesOnSucceededJobs()).extracting((result) -> result.log().file()).isEmpty();
	}

	private static String misses() {
		StringBuilder text = new StringBuilder();
		for (Evaluation.Result miss : evaluation.misses()) {
			text.append("  ")
				.append(miss.log().file())
				.append(": label ")
				.append(miss.log().label().id())
				.append(", ranked ")
				.append(miss.ranked().stream().map(Category::id).toList())
				.append(", patterns ")
				.append(miss.patterns())
				.append('\n');
		}
		return text.toString();
	}

}
