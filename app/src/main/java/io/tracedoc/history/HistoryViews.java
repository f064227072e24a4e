package io.tracedoc.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.pattern.Category;

/**
 * What the history answers: the values its API returns as JSON and its page shows.
 */
public final class HistoryViews {

	private HistoryViews() {
	}

	/**
	 * A search of the history; every filter may be {@code null}.
	 *
	 * @param text Lucene query syntax over the log, the summary and the keyword fields
	 * ({@code category:unknown AND "connection refused"})
	 * @param category only this category
	 * @param project only this project path
	 * @param pattern only this pattern id
	 * @param runner only this runner
	 * @param namespace only this namespace
	 * @param since only diagnoses made at or after this time
	 * @param offset rows to skip
	 * @param limit rows to return
	 */
	public record Query(String text, Category category, String project, String pattern, String runner, String namespace,
			Instant since, int offset, int limit) {

		/**
		 * @param since the start of the period, or {@code null} for all of it
		 * @return every diagnosis of the period
		 */
		public static Query period(Instant since) {
			return new Query(null, null, null, null, null, null, since, 0, 1);
		}

	}

	/**
	 * One diagnosis in a list.
	 *
	 * @param id permalink id
	 * @param createdAt when it was made
	 * @param category its category
	 * @param pattern the pattern that named the category, or {@code null}
	 * @param title its title
	 * @param summary its summary
	 * @param outcome how the job ended
	 * @param project the project path, or {@code null}
	 * @param jobId the job id, or {@code null}
	 * @param jobUrl the job's URL, or {@code null} (also when it is not http or https, so
	 * a page never links to a {@code javascript:} URL a caller sent)
	 * @param ref the branch or tag, or {@code null}
	 * @param runner the runner, or {@code null}
	 * @param namespace the namespace the job ran in, or {@code null}
	 */
	public record Row(String id, Instant createdAt, String category, String pattern, String title, String summary,
			String outcome, String project, Long jobId, String jobUrl, String ref, String runner, String namespace) {

		private static String webUrl(String url) {
			return (url != null && (url.startsWith("https://") || url.startsWith("http://"))) ? url : null;
		}

		static Row of(StoredDiagnosis stored) {
			var diagnosis = stored.diagnosis();
			var top = diagnosis.top();
			var runnerInfo = (diagnosis.trace() != null) ? diagnosis.trace().runner() : null;
			var context = stored.context();
			String runner = (context.runner() != null) ? context.runner()
					: (runnerInfo != null) ? runnerInfo.name() : null;
			return new Row(stored.id(), stored.createdAt(), diagnosis.category().id(),
					(top != null) ? top.pattern() : null, diagnosis.title(), diagnosis.summary(),
					diagnosis.outcome().name(), context.projectPath(), context.jobId(), webUrl(context.jobUrl()),
					context.ref(), runner, (runnerInfo != null) ? runnerInfo.namespace() : null);
		}

	}

	/**
	 * How many diagnoses have one value of a facet.
	 *
	 * @param value the value
	 * @param count how many
	 */
	public record FacetCount(String value, long count) {

	}

	/**
	 * A page of search results.
	 *
	 * @param total how many diagnoses match
	 * @param offset rows skipped
	 * @param rows the page, newest first
	 * @param facets counts per value of each facet over every match: category, pattern,
	 * project, runner, namespace, day
	 */
	public record SearchPage(long total, int offset, List<Row> rows, Map<String, List<FacetCount>> facets) {

	}

	/**
	 * The categories diagnosed on one day.
	 *
	 * @param day the day (UTC, {@code 2026-11-23})
	 * @param total diagnoses that day
	 * @param categories count per category
	 */
	public record TrendDay(String day, long total, List<FacetCount> categories) {

	}

	/**
	 * What people said about diagnoses.
	 *
	 * @param right marked right
	 * @param wrong marked wrong
	 * @param wrongByCategory diagnosed categories marked wrong, most often first
	 * @param correctedTo categories people said were right instead, most often first
	 */
	public record FeedbackStats(long right, long wrong, List<FacetCount> wrongByCategory,
			List<FacetCount> correctedTo) {

	}

	/**
	 * The history in numbers.
	 *
	 * @param since the start of the period, or {@code null} for all of it
	 * @param diagnoses diagnoses in the period
	 * @param failed those whose job did not succeed
	 * @param unknown those no pattern explains
	 * @param unknownRate unknown among failed (0 when none failed)
	 * @param facets counts per value: category, pattern, project, runner, namespace, day
	 * @param trend categories per day, oldest day first
	 * @param feedback what people said
	 */
	public record Stats(Instant since, long diagnoses, long failed, long unknown, double unknownRate,
			Map<String, List<FacetCount>> facets, List<TrendDay> trend, FeedbackStats feedback) {

	}

	/**
	 * Past diagnoses like one diagnosis, found one way.
	 *
	 * @param kind {@code same-pattern-and-captures}, {@code same-pattern},
	 * {@code same-signature} or {@code text-similar}
	 * @param key what they share: the pattern and captures, the pattern, or the signature
	 * @param count how many (the diagnosis itself not counted)
	 * @param firstSeen the oldest one's time
	 * @param lastSeen the newest one's time
	 * @param projects the projects they come from, most often first
	 * @param recent the newest ones
	 */
	public record SimilarGroup(String kind, String key, long count, Instant firstSeen, Instant lastSeen,
			List<FacetCount> projects, List<Row> recent) {

	}

	/**
	 * Past diagnoses like one diagnosis.
	 *
	 * @param id the diagnosis
	 * @param category its category
	 * @param signature its signature when it is unknown, else {@code null}
	 * @param groups the groups found, closest first; groups without members are left out
	 */
	public record Similar(String id, String category, String signature, List<SimilarGroup> groups) {

	}

	/**
	 * Unknown diagnoses with the same signature.
	 *
	 * @param signature the signature
	 * @param count how many
	 * @param firstSeen the oldest one's time
	 * @param lastSeen the newest one's time
	 * @param projects their projects, most often first
	 * @param lines the normalised failing lines they share
	 * @param recent the newest ones
	 */
	public record Cluster(String signature, long count, Instant firstSeen, Instant lastSeen, List<FacetCount> projects,
			List<String> lines, List<Row> recent) {

	}

	/**
	 * Feedback as pattern authors read it.
	 *
	 * @param feedback what was said
	 * @param category the category the diagnosis had
	 * @param pattern the pattern that named it, or {@code null}
	 */
	public record FeedbackEntry(Feedback feedback, String category, String pattern) {

	}

}
