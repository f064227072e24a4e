package io.tracedoc.history;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.history.HistoryIndex.FacetedSearcher;
import io.tracedoc.history.HistoryViews.Cluster;
import io.tracedoc.history.HistoryViews.FacetCount;
import io.tracedoc.history.HistoryViews.FeedbackEntry;
import io.tracedoc.history.HistoryViews.FeedbackStats;
import io.tracedoc.history.HistoryViews.Row;
import io.tracedoc.history.HistoryViews.SearchPage;
import io.tracedoc.history.HistoryViews.Similar;
import io.tracedoc.history.HistoryViews.SimilarGroup;
import io.tracedoc.history.HistoryViews.Stats;
import io.tracedoc.history.HistoryViews.TrendDay;
import io.tracedoc.pattern.Category;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Reads the history: search with facets, statistics and trends, similar past failures,
 * clusters of unknown failures, and feedback for pattern authors.
 */
public final class HistorySearch {

	/** Values listed per facet. */
	static final int FACET_VALUES = 10;

	/** Newest diagnoses listed per group of similar ones. */
	static final int RECENT = 5;

	/** Members of a cluster whose lines become a drafted pattern's examples. */
	static final int DRAFT_EXAMPLES = 3;

	/** Days a trend covers at most. */
	static final int TREND_DAYS = 90;

	private static final Sort NEWEST_FIRST = new Sort(
			new SortField(HistoryDocuments.CREATED, SortField.Type.LONG, true));

	private static final Sort OLDEST_FIRST = new Sort(new SortField(HistoryDocuments.CREATED, SortField.Type.LONG));

	private final HistoryIndex index;

	/**
	 * @param index the index to read
	 */
	public HistorySearch(HistoryIndex index) {
		this.index = index;
	}

	/**
	 * @param query what to look for
	 * @return the matching diagnoses, newest first, with facet counts over all of them
	 * @throws InvalidQueryException when the query text is not valid Lucene syntax
	 */
	public SearchPage search(HistoryViews.Query query) {
		Query lucene = filtered(query);
		return this.index.read((searcher) -> {
			int wanted = Math.max(1, query.offset() + query.limit());
			var result = FacetsCollectorManager.search(searcher, lucene, wanted, NEWEST_FIRST,
					new FacetsCollectorManager());
			List<Row> rows = new ArrayList<>();
			ScoreDoc[] hits = result.topDocs().scoreDocs;
			for (int i = query.offset(); i < hits.length && rows.size() < query.limit(); i++) {
				rows.add(Row.of(stored(searcher, hits[i].doc)));
			}
			Facets facets = facets(searcher, result.facetsCollector());
			return new SearchPage(matches(result.facetsCollector()), query.offset(), rows, facetCounts(facets));
		});
	}

	/**
	 * @param query the diagnoses to count: the text and filters of a search (its offset
	 * and limit do not matter)
	 * @return counts, trends over the matches, and feedback since the query's start
	 * @throws InvalidQueryException when the query text is not valid Lucene syntax
	 */
	public Stats stats(HistoryViews.Query query) {
		Query period = filtered(query);
		Instant since = query.since();
		return this.index.read((searcher) -> {
			var result = FacetsCollectorManager.search(searcher, period, 1, new FacetsCollectorManager());
			Facets facets = facets(searcher, result.facetsCollector());
			long total = matches(result.facetsCollector());
			long succeeded = count(facets, HistoryDocuments.CATEGORY, Category.JOB_SUCCEEDED.id());
			long unknown = count(facets, HistoryDocuments.CATEGORY, Category.UNKNOWN.id());
			long failed = total - succeeded;
			double unknownRate = (failed > 0) ? (double) unknown / failed : 0;
			return new Stats(since, total, failed, unknown, unknownRate, facetCounts(facets), trend(facets),
					feedbackStats(searcher, since));
		});
	}

	/**
	 * @param id a diagnosis
	 * @return past diagnoses like it, or empty when the id is unknown
	 */
	public Optional<Similar> similar(String id) {
		return this.index.read((searcher) -> {
			Document doc = HistoryIndex.diagnosisDocument(searcher, id);
			if (doc == null) {
				return Optional.<Similar>empty();
			}
			StoredDiagnosis stored = HistoryDocuments.diagnosis(doc.getBinaryValue(HistoryDocuments.JSON));
			Query notItself = new TermQuery(new Term(HistoryDocuments.ID, id));
			List<SimilarGroup> groups = new ArrayList<>();
			Finding top = stored.diagnosis().top();
			String signature = doc.get(HistoryDocuments.SIGNATURE);
			if (top != null) {
				addGroup(searcher, groups, "same-pattern-and-captures", Signatures.similarKey(top),
						term(HistoryDocuments.SIMILAR, Signatures.similarKey(top)), notItself);
				addGroup(searcher, groups, "same-pattern", top.pattern(), term(HistoryDocuments.PATTERN, top.pattern()),
						notItself);
			}
			if (signature != null) {
				addGroup(searcher, groups, "same-signature", signature, term(HistoryDocuments.SIGNATURE, signature),
						notItself);
				for (String other : textSimilarSignatures(searcher, doc.get(HistoryDocuments.SHAPE_LINES), signature)) {
					addGroup(searcher, groups, "text-similar", other, term(HistoryDocuments.SIGNATURE, other),
							notItself);
				}
			}
			return Optional.of(new Similar(id, stored.diagnosis().category().id(), signature, groups));
		});
	}

	/**
	 * @param query the diagnoses to cluster the unknown ones of: the text and filters of
	 * a search
	 * @param limit clusters wanted
	 * @return the biggest clusters of unknown diagnoses among the matches, biggest first
	 * @throws InvalidQueryException when the query text is not valid Lucene syntax
	 */
	public List<Cluster> clusters(HistoryViews.Query query, int limit) {
		Query unknown = new BooleanQuery.Builder().add(filtered(query), Occur.FILTER)
			.add(term(HistoryDocuments.CATEGORY, Category.UNKNOWN.id()), Occur.FILTER)
			.build();
		return this.index.read((searcher) -> {
			var result = FacetsCollectorManager.search(searcher, unknown, 1, new FacetsCollectorManager());
			Facets facets = facets(searcher, result.facetsCollector());
			List<Cluster> clusters = new ArrayList<>();
			for (FacetCount signature : top(facets, HistoryDocuments.SIGNATURE, limit)) {
				Query members = new BooleanQuery.Builder().add(unknown, Occur.FILTER)
					.add(term(HistoryDocuments.SIGNATURE, signature.value()), Occur.FILTER)
					.build();
				clusters.add(cluster(searcher, signature.value(), members, RECENT));
			}
			return clusters;
		});
	}

	/**
	 * @param signature a cluster's signature
	 * @param members how many of its newest members to list
	 * @return the cluster, or empty when no unknown diagnosis has that signature
	 */
	public Optional<Cluster> cluster(String signature, int members) {
		Query query = new BooleanQuery.Builder().add(HistoryDocuments.DIAGNOSES, Occur.FILTER)
			.add(term(HistoryDocuments.SIGNATURE, signature), Occur.FILTER)
			.build();
		return this.index.read((searcher) -> (searcher.count(query) == 0) ? Optional.<Cluster>empty()
				: Optional.of(cluster(searcher, signature, query, members)));
	}

	/**
	 * @param signature a cluster's signature
	 * @return a pattern drafted from its newest members, or empty for an unknown
	 * signature
	 */
	public Optional<String> draftPattern(String signature) {
		return cluster(signature, DRAFT_EXAMPLES).map((cluster) -> {
			List<StoredDiagnosis> members = cluster.recent()
				.stream()
				.map((row) -> this.index.find(row.id()).orElseThrow())
				.toList();
			return PatternDraft.draft(cluster, members, suggestedCategory(signature));
		});
	}

	/**
	 * @return the category people said most often that the cluster's failures have
	 */
	private Category suggestedCategory(String signature) {
		Query corrected = new BooleanQuery.Builder().add(HistoryDocuments.FEEDBACK, Occur.FILTER)
			.add(term(HistoryDocuments.SIGNATURE, signature), Occur.FILTER)
			.build();
		return this.index.read((searcher) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			StoredFields stored = searcher.storedFields();
			for (ScoreDoc hit : searcher.search(corrected, 1000).scoreDocs) {
				String category = stored.document(hit.doc, Set.of(HistoryDocuments.CORRECT_CATEGORY))
					.get(HistoryDocuments.CORRECT_CATEGORY);
				if (category != null) {
					counts.merge(category, 1L, Long::sum);
				}
			}
			List<FacetCount> ranked = sorted(counts);
			return ranked.isEmpty() ? null : Category.fromId(ranked.get(0).value()).orElse(null);
		});
	}

	/**
	 * @param verdict only this verdict, or {@code null} for both
	 * @param limit entries wanted
	 * @return feedback, newest first
	 */
	public List<FeedbackEntry> feedback(Feedback.Verdict verdict, int limit) {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(HistoryDocuments.FEEDBACK, Occur.FILTER);
		if (verdict != null) {
			query.add(term(HistoryDocuments.VERDICT, verdict.id()), Occur.FILTER);
		}
		return this.index.read((searcher) -> {
			TopDocs hits = searcher.search(query.build(), Math.max(1, limit),
					new Sort(new SortField(HistoryDocuments.AT, SortField.Type.LONG, true)));
			List<FeedbackEntry> entries = new ArrayList<>();
			StoredFields stored = searcher.storedFields();
			for (ScoreDoc hit : hits.scoreDocs) {
				Document doc = stored.document(hit.doc);
				String correct = doc.get(HistoryDocuments.CORRECT_CATEGORY);
				Feedback feedback = new Feedback(doc.get(HistoryDocuments.FEEDBACK_FOR),
						Feedback.Verdict.valueOf(doc.get(HistoryDocuments.VERDICT).toUpperCase(Locale.ROOT)),
						(correct != null) ? Category.fromId(correct).orElse(null) : null,
						doc.get(HistoryDocuments.NOTE),
						Instant.ofEpochMilli(doc.getField(HistoryDocuments.AT).numericValue().longValue()));
				entries.add(new FeedbackEntry(feedback, doc.get(HistoryDocuments.CATEGORY),
						doc.get(HistoryDocuments.PATTERN)));
			}
			return entries;
		});
	}

	private Cluster cluster(FacetedSearcher searcher, String signature, Query members, int recent) throws IOException {
		SimilarGroup group = group(searcher, "same-signature", signature, members, recent);
		TopDocs newest = searcher.search(members, 1, NEWEST_FIRST);
		String lines = (newest.scoreDocs.length > 0) ? searcher.storedFields()
			.document(newest.scoreDocs[0].doc, Set.of(HistoryDocuments.SHAPE_LINES))
			.get(HistoryDocuments.SHAPE_LINES) : null;
		return new Cluster(signature, group.count(), group.firstSeen(), group.lastSeen(), group.projects(),
				(lines != null) ? List.of(lines.split("\n")) : List.of(), group.recent());
	}

	private void addGroup(FacetedSearcher searcher, List<SimilarGroup> groups, String kind, String key, Query members,
			Query notItself) throws IOException {
		Query query = new BooleanQuery.Builder().add(HistoryDocuments.DIAGNOSES, Occur.FILTER)
			.add(members, Occur.FILTER)
			.add(notItself, Occur.MUST_NOT)
			.build();
		SimilarGroup group = group(searcher, kind, key, query, RECENT);
		if (group.count() > 0) {
			groups.add(group);
		}
	}

	private SimilarGroup group(FacetedSearcher searcher, String kind, String key, Query query, int recent)
			throws IOException {
		var result = FacetsCollectorManager.search(searcher, query, Math.max(1, recent), NEWEST_FIRST,
				new FacetsCollectorManager());
		long count = matches(result.facetsCollector());
		if (count == 0) {
			return new SimilarGroup(kind, key, 0, null, null, List.of(), List.of());
		}
		ScoreDoc[] newest = result.topDocs().scoreDocs;
		TopDocs oldest = searcher.search(query, 1, OLDEST_FIRST);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < newest.length && i < recent; i++) {
			rows.add(Row.of(stored(searcher, newest[i].doc)));
		}
		Facets facets = facets(searcher, result.facetsCollector());
		return new SimilarGroup(kind, key, count, created(searcher, oldest.scoreDocs[0].doc),
				created(searcher, newest[0].doc), top(facets, HistoryDocuments.PROJECT, FACET_VALUES), rows);
	}

	/**
	 * Signatures of other unknown failures whose normalised lines read like these, most
	 * alike first, by Lucene's more-like-this over the analysed lines.
	 */
	private List<String> textSimilarSignatures(FacetedSearcher searcher, String shapeLines, String signature)
			throws IOException {
		if (shapeLines == null) {
			return List.of();
		}
		MoreLikeThis moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
		moreLikeThis.setAnalyzer(new StandardAnalyzer());
		moreLikeThis.setFieldNames(new String[] { HistoryDocuments.SHAPE });
		moreLikeThis.setMinTermFreq(1);
		moreLikeThis.setMinDocFreq(1);
		moreLikeThis.setMaxQueryTerms(25);
		Query like = moreLikeThis.like(HistoryDocuments.SHAPE, new StringReader(shapeLines));
		Query query = new BooleanQuery.Builder().add(like, Occur.MUST)
			.add(HistoryDocuments.DIAGNOSES, Occur.FILTER)
			.add(term(HistoryDocuments.CATEGORY, Category.UNKNOWN.id()), Occur.FILTER)
			.add(term(HistoryDocuments.SIGNATURE, signature), Occur.MUST_NOT)
			.build();
		Set<String> signatures = new LinkedHashSet<>();
		StoredFields stored = searcher.storedFields();
		for (ScoreDoc hit : searcher.search(query, 50).scoreDocs) {
			String other = stored.document(hit.doc, Set.of(HistoryDocuments.SIGNATURE)).get(HistoryDocuments.SIGNATURE);
			if (other != null && signatures.size() < 3) {
				signatures.add(other);
			}
		}
		return new ArrayList<>(signatures);
	}

	private FeedbackStats feedbackStats(FacetedSearcher searcher, Instant since) throws IOException {
		Query feedback = since(HistoryDocuments.FEEDBACK, since);
		Query wrong = new BooleanQuery.Builder().add(feedback, Occur.FILTER)
			.add(term(HistoryDocuments.VERDICT, Feedback.Verdict.WRONG.id()), Occur.FILTER)
			.build();
		long right = searcher.count(new BooleanQuery.Builder().add(feedback, Occur.FILTER)
			.add(term(HistoryDocuments.VERDICT, Feedback.Verdict.RIGHT.id()), Occur.FILTER)
			.build());
		Map<String, Long> byCategory = new LinkedHashMap<>();
		Map<String, Long> correctedTo = new LinkedHashMap<>();
		StoredFields stored = searcher.storedFields();
		// feedback is written by people, one document each: few enough to read them all
		for (ScoreDoc hit : searcher.search(wrong, Math.max(1, searcher.count(wrong))).scoreDocs) {
			Document doc = stored.document(hit.doc,
					Set.of(HistoryDocuments.CATEGORY, HistoryDocuments.CORRECT_CATEGORY));
			byCategory.merge(doc.get(HistoryDocuments.CATEGORY), 1L, Long::sum);
			if (doc.get(HistoryDocuments.CORRECT_CATEGORY) != null) {
				correctedTo.merge(doc.get(HistoryDocuments.CORRECT_CATEGORY), 1L, Long::sum);
			}
		}
		return new FeedbackStats(right, searcher.count(wrong), sorted(byCategory), sorted(correctedTo));
	}

	private static List<FacetCount> sorted(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((entry) -> new FacetCount(entry.getKey(), entry.getValue()))
			.toList();
	}

	private static List<TrendDay> trend(Facets facets) throws IOException {
		List<FacetCount> days = new ArrayList<>(top(facets, HistoryDocuments.TREND, TREND_DAYS));
		days.sort(Comparator.comparing(FacetCount::value));
		List<TrendDay> trend = new ArrayList<>();
		for (FacetCount day : days) {
			FacetResult categories = facets.getTopChildren(Category.values().length, HistoryDocuments.TREND,
					day.value());
			trend.add(new TrendDay(day.value(), day.count(), counts(categories)));
		}
		return trend;
	}

	private static Map<String, List<FacetCount>> facetCounts(Facets facets) throws IOException {
		Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
		for (String dimension : HistoryDocuments.FACETS) {
			counts.put(dimension, top(facets, dimension, FACET_VALUES));
		}
		return counts;
	}

	private static List<FacetCount> top(Facets facets, String dimension, int limit) throws IOException {
		return (facets != null) ? counts(facets.getTopChildren(limit, dimension)) : List.of();
	}

	private static long count(Facets facets, String dimension, String value) throws IOException {
		if (facets == null) {
			return 0;
		}
		Number count = facets.getSpecificValue(dimension, value);
		return (count != null && count.longValue() > 0) ? count.longValue() : 0;
	}

	private static List<FacetCount> counts(FacetResult result) {
		if (result == null) {
			return List.of();
		}
		List<FacetCount> counts = new ArrayList<>(result.labelValues.length);
		for (LabelAndValue value : result.labelValues) {
			counts.add(new FacetCount(value.label, value.value.longValue()));
		}
		return counts;
	}

	/**
	 * @return how many documents the collector saw: every match, counted while the facets
	 * were collected, so no second pass counts them
	 */
	private static long matches(FacetsCollector collector) {
		long total = 0;
		for (var segment : collector.getMatchingDocs()) {
			total += segment.totalHits();
		}
		return total;
	}

	private static Facets facets(FacetedSearcher searcher, FacetsCollector collector) throws IOException {
		SortedSetDocValuesReaderState state = searcher.facetState();
		return (state != null) ? new SortedSetDocValuesFacetCounts(state, collector) : null;
	}

	private static Query filtered(HistoryViews.Query query) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(HistoryDocuments.DIAGNOSES, Occur.FILTER);
		if (query.text() != null && !query.text().isBlank()) {
			builder.add(parse(query.text()), Occur.MUST);
		}
		if (query.category() != null) {
			builder.add(term(HistoryDocuments.CATEGORY, query.category().id()), Occur.FILTER);
		}
		addFilter(builder, HistoryDocuments.PROJECT, query.project());
		addFilter(builder, HistoryDocuments.PATTERN, query.pattern());
		addFilter(builder, HistoryDocuments.RUNNER, query.runner());
		addFilter(builder, HistoryDocuments.NAMESPACE, query.namespace());
		return since(builder.build(), query.since());
	}

	private static Query parse(String text) {
		QueryParser parser = new MultiFieldQueryParser(HistoryDocuments.DEFAULT_FIELDS, HistoryDocuments.analyzer());
		parser.setDefaultOperator(QueryParser.Operator.AND);
		try {
			return parser.parse(text);
		}
		catch (ParseException | IllegalArgumentException ex) {
			throw new InvalidQueryException(text, ex);
		}
	}

	private static void addFilter(BooleanQuery.Builder builder, String field, String value) {
		if (value != null && !value.isBlank()) {
			builder.add(term(field, value), Occur.FILTER);
		}
	}

	private static Query since(Query query, Instant since) {
		if (since == null) {
			return query;
		}
		return new BooleanQuery.Builder().add(query, Occur.FILTER)
			.add(LongPoint.newRangeQuery(HistoryDocuments.BORN, since.toEpochMilli(), Long.MAX_VALUE), Occur.FILTER)
			.build();
	}

	private static Query term(String field, String value) {
		return new TermQuery(new Term(field, value));
	}

	private static StoredDiagnosis stored(FacetedSearcher searcher, int doc) throws IOException {
		return HistoryDocuments.diagnosis(searcher.storedFields()
			.document(doc, Set.of(HistoryDocuments.JSON))
			.getBinaryValue(HistoryDocuments.JSON));
	}

	private static Instant created(FacetedSearcher searcher, int doc) throws IOException {
		return Instant.ofEpochMilli(HistoryIndex.docValue(searcher, doc, HistoryDocuments.CREATED));
	}

}
