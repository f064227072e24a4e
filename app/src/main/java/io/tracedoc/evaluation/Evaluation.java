package io.tracedoc.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisEngine;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.evaluation.LabelledCorpus.LabelledLog;
import io.tracedoc.pattern.Category;
import io.tracedoc.trace.TraceListener;

/**
 * How well the engine names the labelled root cause of each log of a corpus: first
 * (top-1), among the first three categories it ranks (top-3), per category, and which
 * labels it mistakes for which. A log's ranking is the verdict's category followed by the
 * categories of its other findings, each once.
 *
 * @param results one per log, in corpus order
 */
public record Evaluation(List<Result> results) {

	/** How many ranked categories count for top-3. */
	public static final int TOP = 3;

	public Evaluation {
		results = List.copyOf(results);
	}

	/**
	 * @param corpus the labelled logs
	 * @param engine the engine to measure
	 * @return the evaluation
	 */
	public static Evaluation of(LabelledCorpus corpus, DiagnosisEngine engine) {
		List<Result> results = new ArrayList<>();
		for (LabelledLog log : corpus.logs()) {
			try (InputStream in = Files.newInputStream(corpus.directory().resolve(log.file()))) {
				results.add(Result.of(log, engine.diagnose(in, new TraceListener() {
				})));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(log.file() + " cannot be read", ex);
			}
		}
		return new Evaluation(results);
	}

	public int size() {
		return this.results.size();
	}

	/**
	 * @return the share of logs whose verdict is the label
	 */
	public double top1() {
		return share(Result::top1);
	}

	/**
	 * @return the share of logs whose label is among the first three ranked categories
	 */
	public double top3() {
		return share(Result::top3);
	}

	/**
	 * @return the logs labelled {@code job-succeeded} that were given a failure cause
	 * ({@code unknown} names none)
	 */
	public List<Result> causesOnSucceededJobs() {
		return this.results.stream()
			.filter((result) -> result.log().label() == Category.JOB_SUCCEEDED && !result.top1()
					&& result.verdict() != Category.UNKNOWN)
			.toList();
	}

	/**
	 * @return the logs whose verdict is not their label
	 */
	public List<Result> misses() {
		return this.results.stream().filter((result) -> !result.top1()).toList();
	}

	/**
	 * @return per category that is a label or a verdict: how many logs carry it, how many
	 * got it, and how many got it rightly
	 */
	public Map<Category, Score> perCategory() {
		Map<Category, int[]> counts = new TreeMap<>();
		for (Result result : this.results) {
			counts.computeIfAbsent(result.log().label(), (key) -> new int[3])[0]++;
			counts.computeIfAbsent(result.verdict(), (key) -> new int[3])[1]++;
			if (result.top1()) {
				counts.get(result.verdict())[2]++;
			}
		}
		Map<Category, Score> scores = new TreeMap<>();
		counts.forEach((category, count) -> scores.put(category, new Score(count[0], count[1], count[2])));
		return scores;
	}

	/**
	 * @return "label → verdict" for every miss, with how often, most frequent first
	 */
	public Map<String, Long> confusions() {
		Map<String, Long> pairs = misses().stream()
			.collect(Collectors.groupingBy((result) -> result.log().label().id() + " → " + result.verdict().id(),
					TreeMap::new, Collectors.counting()));
		Map<String, Long> ordered = new java.util.LinkedHashMap<>();
		pairs.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((entry) -> ordered.put(entry.getKey(), entry.getValue()));
		return ordered;
	}

	private double share(Function<Result, Boolean> test) {
		if (this.results.isEmpty()) {
			return 0;
		}
		return (double) this.results.stream().filter(test::apply).count() / this.results.size();
	}

	/**
	 * One log's outcome.
	 *
	 * @param log the labelled log
	 * @param ranked the categories in the engine's order, the verdict first
	 * @param patterns the patterns of the findings, in order
	 */
	public record Result(LabelledLog log, List<Category> ranked, List<String> patterns) {

		public Result {
			ranked = List.copyOf(ranked);
			patterns = List.copyOf(patterns);
		}

		static Result of(LabelledLog log, Diagnosis diagnosis) {
			Set<Category> ranked = new LinkedHashSet<>();
			ranked.add(diagnosis.category());
			if (diagnosis.category() != Category.JOB_SUCCEEDED) {
				diagnosis.findings().stream().map(Finding::category).forEach(ranked::add);
			}
			return new Result(log, new ArrayList<>(ranked),
					diagnosis.findings().stream().map(Finding::pattern).toList());
		}

		public Category verdict() {
			return this.ranked.get(0);
		}

		public boolean top1() {
			return verdict() == this.log.label();
		}

		public boolean top3() {
			return this.ranked.subList(0, Math.min(TOP, this.ranked.size())).contains(this.log.label());
		}

	}

	/**
	 * @param labelled logs carrying the category as their label
	 * @param given logs given it as verdict
	 * @param right logs given it rightly
	 */
	public record Score(int labelled, int given, int right) {

		/**
		 * @return right / given; 1 when it was never given
		 */
		public double precision() {
			return (this.given == 0) ? 1 : (double) this.right / this.given;
		}

		/**
		 * @return right / labelled; 1 when no log carries it
		 */
		public double recall() {
			return (this.labelled == 0) ? 1 : (double) this.right / this.labelled;
		}

	}

}
