package io.tracedoc.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisJson;
import io.tracedoc.diagnosis.Evidence;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.trace.RunnerInfo;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * How a diagnosis is laid out in the index. Each diagnosis is a block of documents added
 * at once: one per chunk of its log (stored, compact) and the diagnosis document itself,
 * which holds the Diagnosis JSON for retrieval and real fields for search and facets.
 * Feedback is a document of its own, replaced when a person changes their mind.
 */
final class HistoryDocuments {

	static final String TYPE = "type";

	static final String ID = "id";

	static final String DIAGNOSIS_TYPE = "diagnosis";

	static final String CHUNK_TYPE = "chunk";

	static final String FEEDBACK_TYPE = "feedback";

	/** The diagnosis a document belongs to: every document of its block carries it. */
	static final String DIAGNOSIS = "diagnosis";

	/**
	 * When the diagnosis was made, on every document of its block and its feedback, so
	 * retention deletes them together.
	 */
	static final String BORN = "born";

	/**
	 * When the diagnosis was made, as doc values and points on the diagnosis document
	 * only: sorting by it (newest first, first and last seen) skips documents that cannot
	 * compete.
	 */
	static final String CREATED = "created";

	/** Roughly how many bytes the diagnosis takes, for retention by size. */
	static final String SIZE = "size";

	static final String CATEGORY = "category";

	static final String PATTERN = "pattern";

	static final String PROJECT = "project";

	static final String RUNNER = "runner";

	static final String NAMESPACE = "namespace";

	static final String DAY = "day";

	static final String OUTCOME = "outcome";

	static final String SOURCE = "source";

	static final String REF = "ref";

	static final String EXECUTOR = "executor";

	static final String JOB = "job";

	static final String PIPELINE = "pipeline";

	/** Pattern and key captures of the finding that names the category. */
	static final String SIMILAR = "similar";

	/** Signature of an unknown failure's normalised failing lines. */
	static final String SIGNATURE = "signature";

	/** The normalised failing lines, analysed, for text similarity. */
	static final String SHAPE = "shape";

	/** The normalised failing lines, stored, one per line. */
	static final String SHAPE_LINES = "shape_lines";

	/** Title, summary and evidence, analysed. */
	static final String SUMMARY = "summary";

	/** The log's lines, analysed (not stored: the chunks are). */
	static final String LOG = "log";

	static final String JSON = "json";

	static final String SECTIONS = "sections";

	static final String CHUNK_STARTS = "chunk_starts";

	static final String LINES = "lines";

	static final String CHUNK_KEY = "chunk_key";

	static final String CHUNK = "chunk";

	static final String FEEDBACK_FOR = "feedback_for";

	static final String VERDICT = "verdict";

	static final String CORRECT_CATEGORY = "correct_category";

	static final String NOTE = "note";

	static final String AT = "at";

	/** Dimension of the trend facet: day, then category. */
	static final String TREND = "trend";

	/** Fields searched when a query names no field. */
	static final String[] DEFAULT_FIELDS = { LOG, SUMMARY };

	/** Keyword fields a query can name ({@code category:unknown}). */
	static final List<String> KEYWORDS = List.of(ID, CATEGORY, PATTERN, PROJECT, RUNNER, NAMESPACE, DAY, OUTCOME,
			SOURCE, REF, EXECUTOR, JOB, PIPELINE, SIGNATURE, SIMILAR, VERDICT);

	/** Facet dimensions counted for every search. */
	static final List<String> FACETS = List.of(CATEGORY, PATTERN, PROJECT, RUNNER, NAMESPACE, DAY);

	static final FacetsConfig FACETS_CONFIG = facetsConfig();

	/** Every diagnosis document, none of their chunks or feedback. */
	static final Query DIAGNOSES = new TermQuery(new Term(TYPE, DIAGNOSIS_TYPE));

	/** Every feedback document. */
	static final Query FEEDBACK = new TermQuery(new Term(TYPE, FEEDBACK_TYPE));

	private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private static final ObjectWriter JSON_WRITER = DiagnosisJson.mapper()
		.writer()
		.without(SerializationFeature.INDENT_OUTPUT);

	private static final ObjectReader JSON_READER = DiagnosisJson.mapper().readerFor(StoredDiagnosis.class);

	private HistoryDocuments() {
	}

	/**
	 * @return analysis of each field: keywords as they are, the rest by words
	 */
	static Analyzer analyzer() {
		Map<String, Analyzer> keywords = new HashMap<>();
		for (String field : KEYWORDS) {
			keywords.put(field, new KeywordAnalyzer());
		}
		return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), keywords);
	}

	/**
	 * @param stored the diagnosis
	 * @param sections its log's sections, encoded
	 * @param log its log
	 * @param indexedChars how much of the log to index for full text
	 * @return the documents of its block: the chunks, then the diagnosis
	 */
	static Iterable<Iterable<IndexableField>> block(StoredDiagnosis stored, byte[] sections, LogSpool log,
			long indexedChars) {
		long born = stored.createdAt().toEpochMilli();
		byte[] json = JSON_WRITER.writeValueAsBytes(stored);
		Document diagnosis = diagnosisDocument(stored, json, sections, log, indexedChars);
		return () -> new Iterator<>() {

			private final Iterator<byte[]> chunks = log.chunks().iterator();

			private int index;

			private boolean done;

			@Override
			public boolean hasNext() {
				return !this.done;
			}

			@Override
			public Iterable<IndexableField> next() {
				if (this.chunks.hasNext()) {
					return chunkDocument(stored.id(), this.index++, this.chunks.next(), born);
				}
				this.done = true;
				return diagnosis;
			}

		};
	}

	private static Document diagnosisDocument(StoredDiagnosis stored, byte[] json, byte[] sections, LogSpool log,
			long indexedChars) {
		Diagnosis diagnosis = stored.diagnosis();
		JobContext context = stored.context();
		RunnerInfo runnerInfo = (diagnosis.trace() != null) ? diagnosis.trace().runner() : null;
		Finding top = diagnosis.top();
		Document doc = new Document();
		doc.add(new StringField(TYPE, DIAGNOSIS_TYPE, Field.Store.NO));
		doc.add(new StringField(ID, stored.id(), Field.Store.YES));
		doc.add(new StringField(DIAGNOSIS, stored.id(), Field.Store.NO));
		long born = stored.createdAt().toEpochMilli();
		doc.add(new LongPoint(BORN, born));
		doc.add(new NumericDocValuesField(CREATED, born));
		doc.add(new LongPoint(CREATED, born));
		doc.add(new NumericDocValuesField(SIZE, json.length + sections.length + log.encodedBytes()));
		String category = diagnosis.category().id();
		String day = DAY_FORMAT.format(stored.createdAt());
		keyword(doc, CATEGORY, category, true);
		keyword(doc, DAY, day, true);
		doc.add(new SortedSetDocValuesFacetField(TREND, day, category));
		keyword(doc, PATTERN, (top != null) ? top.pattern() : null, true);
		keyword(doc, PROJECT, context.projectPath(), true);
		String runner = (context.runner() != null) ? context.runner() : (runnerInfo != null) ? runnerInfo.name() : null;
		keyword(doc, RUNNER, runner, true);
		keyword(doc, NAMESPACE, (runnerInfo != null) ? runnerInfo.namespace() : null, true);
		keyword(doc, EXECUTOR, (runnerInfo != null) ? runnerInfo.executor() : null, false);
		keyword(doc, OUTCOME, diagnosis.outcome().name().toLowerCase(Locale.ROOT), false);
		keyword(doc, SOURCE, context.source().name().toLowerCase(Locale.ROOT), false);
		keyword(doc, REF, context.ref(), false);
		keyword(doc, JOB, (context.jobId() != null) ? context.jobId().toString() : null, false);
		keyword(doc, PIPELINE, (context.pipelineId() != null) ? context.pipelineId().toString() : null, false);
		if (top != null) {
			keyword(doc, SIMILAR, Signatures.similarKey(top), false);
		}
		List<String> shape = Signatures.shape(diagnosis);
		if (!shape.isEmpty()) {
			String lines = String.join("\n", shape);
			doc.add(new TextField(SHAPE, lines, Field.Store.NO));
			doc.add(new StoredField(SHAPE_LINES, lines));
		}
		String signature = Signatures.unknownSignature(diagnosis);
		if (signature != null) {
			keyword(doc, SIGNATURE, signature, true);
			doc.add(new StoredField(SIGNATURE, signature));
		}
		doc.add(new TextField(SUMMARY, summaryText(diagnosis), Field.Store.NO));
		doc.add(new TextField(LOG, log.text(indexedChars)));
		doc.add(new StoredField(JSON, json));
		doc.add(new StoredField(SECTIONS, sections));
		doc.add(new StoredField(CHUNK_STARTS, chunkStarts(log.chunkStarts())));
		doc.add(new StoredField(LINES, log.lines()));
		try {
			return FACETS_CONFIG.build(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Document chunkDocument(String id, int index, byte[] chunk, long born) {
		Document doc = new Document();
		doc.add(new StringField(TYPE, CHUNK_TYPE, Field.Store.NO));
		doc.add(new StringField(DIAGNOSIS, id, Field.Store.NO));
		doc.add(new StringField(CHUNK_KEY, chunkKey(id, index), Field.Store.NO));
		doc.add(new LongPoint(BORN, born));
		doc.add(new StoredField(CHUNK, chunk));
		return doc;
	}

	/**
	 * @param feedback what a person said
	 * @param diagnosis the diagnosis it is about
	 * @return its document
	 */
	static Document feedbackDocument(Feedback feedback, StoredDiagnosis diagnosis) {
		Document doc = new Document();
		doc.add(new StringField(TYPE, FEEDBACK_TYPE, Field.Store.NO));
		doc.add(new StringField(FEEDBACK_FOR, diagnosis.id(), Field.Store.YES));
		doc.add(new LongPoint(BORN, diagnosis.createdAt().toEpochMilli()));
		doc.add(new StringField(VERDICT, feedback.verdict().id(), Field.Store.YES));
		doc.add(new NumericDocValuesField(AT, feedback.at().toEpochMilli()));
		doc.add(new StoredField(AT, feedback.at().toEpochMilli()));
		doc.add(new StringField(CATEGORY, diagnosis.diagnosis().category().id(), Field.Store.YES));
		Finding top = diagnosis.diagnosis().top();
		if (top != null) {
			doc.add(new StringField(PATTERN, top.pattern(), Field.Store.YES));
		}
		String signature = Signatures.unknownSignature(diagnosis.diagnosis());
		if (signature != null) {
			doc.add(new StringField(SIGNATURE, signature, Field.Store.NO));
		}
		if (feedback.correctCategory() != null) {
			doc.add(new StringField(CORRECT_CATEGORY, feedback.correctCategory().id(), Field.Store.YES));
		}
		if (feedback.note() != null) {
			doc.add(new StoredField(NOTE, feedback.note()));
		}
		return doc;
	}

	static StoredDiagnosis diagnosis(BytesRef json) {
		return JSON_READER.readValue(json.bytes, json.offset, json.length);
	}

	static String chunkKey(String id, int index) {
		return id + "/" + index;
	}

	static String day(Instant instant) {
		return DAY_FORMAT.format(instant);
	}

	static int[] readChunkStarts(BytesRef bytes) {
		ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
		int[] starts = new int[in.readVInt()];
		int previous = 0;
		for (int i = 0; i < starts.length; i++) {
			starts[i] = previous + in.readVInt();
			previous = starts[i];
		}
		return starts;
	}

	private static byte[] chunkStarts(int[] starts) {
		ByteBuffersDataOutput out = new ByteBuffersDataOutput();
		try {
			out.writeVInt(starts.length);
			int previous = 0;
			for (int start : starts) {
				out.writeVInt(start - previous);
				previous = start;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toArrayCopy();
	}

	private static String summaryText(Diagnosis diagnosis) {
		List<String> parts = new ArrayList<>();
		parts.add(diagnosis.title());
		parts.add(diagnosis.summary());
		for (Finding finding : diagnosis.findings()) {
			parts.add(finding.summary());
			for (Evidence evidence : finding.evidence()) {
				parts.add(evidence.text());
			}
		}
		for (Evidence evidence : diagnosis.decisiveLines()) {
			parts.add(evidence.text());
		}
		return String.join("\n", parts);
	}

	private static void keyword(Document doc, String field, String value, boolean facet) {
		if (value == null || value.isBlank()) {
			return;
		}
		doc.add(new StringField(field, value, Field.Store.NO));
		if (facet) {
			doc.add(new SortedSetDocValuesFacetField(field, value));
		}
	}

	private static FacetsConfig facetsConfig() {
		FacetsConfig config = new FacetsConfig();
		config.setHierarchical(TREND, true);
		return config;
	}

}
