package io.tracedoc.history;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tracedoc.diagnosis.DiagnosisStore.LogPage;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.trace.TraceLine;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The history's Lucene index on a local directory: one {@link IndexWriter} for every
 * write, near-real-time searchers from a {@link SearcherManager}, facets from sorted-set
 * doc values (no side taxonomy, so one commit covers everything).
 *
 * <p>
 * Commit policy: {@link #add} makes a diagnosis searchable at once;
 * {@link #commitThrough} makes it durable, and a caller acknowledges a diagnosis only
 * after it returned. Callers arriving together share one commit (group commit): a commit
 * covers every write that came before it.
 */
public final class HistoryIndex implements Closeable {

	private final Path path;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final long indexedLogChars;

	private final Object commitLock = new Object();

	private volatile long committedThrough = -1;

	private HistoryIndex(Path path, long indexedLogChars) throws IOException {
		this.path = path;
		this.indexedLogChars = indexedLogChars;
		Files.createDirectories(path);
		this.directory = FSDirectory.open(path);
		IndexWriterConfig config = new IndexWriterConfig(HistoryDocuments.analyzer());
		// stored logs and JSON compress far better with DEFLATE, and are read a page at a
		// time
		config.setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
		config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
		config.setRAMBufferSizeMB(32);
		config.setCommitOnClose(true);
		this.writer = new IndexWriter(this.directory, config);
		this.searchers = new SearcherManager(this.writer, new FacetedSearcherFactory());
	}

	/**
	 * Opens the index in a directory, creating both when missing. Only one process may
	 * have it open: a second one fails with Lucene's lock error.
	 * @param path the index directory
	 * @param indexedLogChars how much of each log is indexed for full-text search
	 * @return the open index
	 */
	public static HistoryIndex open(Path path, long indexedLogChars) {
		try {
			return new HistoryIndex(path.toAbsolutePath().normalize(), indexedLogChars);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the history index in " + path + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * @return the index directory
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * Adds a diagnosis with its log, as one block; searchable after the next refresh.
	 * @param stored the diagnosis
	 * @param sections its log's sections, encoded by {@link LogCodec#sections}
	 * @param log its log, finished
	 * @return the write's sequence number, for {@link #commitThrough}
	 */
	long add(StoredDiagnosis stored, byte[] sections, LogSpool log) {
		try {
			return this.writer.addDocuments(HistoryDocuments.block(stored, sections, log, this.indexedLogChars));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Records feedback, replacing the earlier feedback on the same diagnosis.
	 * @param feedback what a person said
	 * @param diagnosis the diagnosis it is about
	 * @return the write's sequence number
	 */
	long feedback(Feedback feedback, StoredDiagnosis diagnosis) {
		try {
			return this.writer.updateDocument(new Term(HistoryDocuments.FEEDBACK_FOR, diagnosis.id()),
					HistoryDocuments.feedbackDocument(feedback, diagnosis));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes every write so far visible to searches.
	 */
	public void refresh() {
		try {
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns once the write with sequence number {@code sequence} is on disk: commits,
	 * unless a commit that covered it happened while this caller waited.
	 * @param sequence a write's sequence number
	 */
	void commitThrough(long sequence) {
		if (this.committedThrough >= sequence) {
			return;
		}
		synchronized (this.commitLock) {
			if (this.committedThrough < sequence) {
				commit();
			}
		}
	}

	/**
	 * Commits every write so far.
	 */
	public void commit() {
		synchronized (this.commitLock) {
			try {
				this.committedThrough = this.writer.commit();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * @param id a permalink id
	 * @return the stored diagnosis
	 */
	Optional<StoredDiagnosis> find(String id) {
		return read((searcher) -> {
			Document doc = diagnosisDocument(searcher, id);
			return (doc != null) ? Optional.of(HistoryDocuments.diagnosis(doc.getBinaryValue(HistoryDocuments.JSON)))
					: Optional.<StoredDiagnosis>empty();
		});
	}

	/**
	 * @param id a permalink id
	 * @param fromIndex first line wanted
	 * @param count lines wanted at most
	 * @return the page, or empty for an unknown id
	 */
	Optional<LogPage> log(String id, int fromIndex, int count) {
		return read((searcher) -> {
			Document doc = diagnosisDocument(searcher, id);
			if (doc == null) {
				return Optional.<LogPage>empty();
			}
			int total = doc.getField(HistoryDocuments.LINES).numericValue().intValue();
			BytesRef sectionBytes = doc.getBinaryValue(HistoryDocuments.SECTIONS);
			var sections = LogCodec.readSections(sectionBytes.bytes, sectionBytes.offset, sectionBytes.length);
			int from = Math.max(0, Math.min(fromIndex, total));
			int to = Math.min(total, from + Math.max(0, count));
			List<TraceLine> lines = new ArrayList<>(to - from);
			int[] starts = HistoryDocuments.readChunkStarts(doc.getBinaryValue(HistoryDocuments.CHUNK_STARTS));
			StoredFields stored = searcher.storedFields();
			for (int chunk = chunkOf(starts, from); from < to && chunk < starts.length; chunk++) {
				TopDocs hit = searcher.search(
						new TermQuery(new Term(HistoryDocuments.CHUNK_KEY, HistoryDocuments.chunkKey(id, chunk))), 1);
				BytesRef bytes = stored.document(hit.scoreDocs[0].doc).getBinaryValue(HistoryDocuments.CHUNK);
				List<TraceLine> chunkLines = LogCodec.readChunk(bytes.bytes, bytes.offset, bytes.length);
				for (int i = 0; i < chunkLines.size(); i++) {
					int index = starts[chunk] + i;
					if (index >= from && index < to) {
						lines.add(chunkLines.get(i));
					}
				}
			}
			return Optional.of(new LogPage(lines, sections, total, from));
		});
	}

	/**
	 * Deletes diagnoses older than {@code cutoff}, then the oldest ones until the
	 * diagnoses left take less than {@code maxBytes}; their logs and feedback go with
	 * them. Commits.
	 * @param cutoff the oldest time kept
	 * @param maxBytes the most the diagnoses may take
	 * @return how many diagnoses were deleted
	 */
	int enforceRetention(Instant cutoff, long maxBytes) {
		try {
			refresh();
			int deleted = read((searcher) -> searcher
				.count(new BooleanQuery.Builder().add(HistoryDocuments.DIAGNOSES, Occur.FILTER)
					.add(LongPoint.newRangeQuery(HistoryDocuments.BORN, Long.MIN_VALUE, cutoff.toEpochMilli() - 1),
							Occur.FILTER)
					.build()));
			this.writer.deleteDocuments(
					LongPoint.newRangeQuery(HistoryDocuments.BORN, Long.MIN_VALUE, cutoff.toEpochMilli() - 1));
			refresh();
			deleted += read((searcher) -> deleteOldestBeyond(searcher, maxBytes));
			commit();
			refresh();
			return deleted;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int deleteOldestBeyond(IndexSearcher searcher, long maxBytes) throws IOException {
		long excess = -maxBytes;
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			NumericDocValues sizes = leaf.reader().getNumericDocValues(HistoryDocuments.SIZE);
			Bits live = leaf.reader().getLiveDocs();
			for (int doc = (sizes != null) ? sizes.nextDoc()
					: DocIdSetIterator.NO_MORE_DOCS; doc != DocIdSetIterator.NO_MORE_DOCS; doc = sizes.nextDoc()) {
				if (live == null || live.get(doc)) {
					excess += sizes.longValue();
				}
			}
		}
		Sort oldestFirst = new Sort(new SortField(HistoryDocuments.CREATED, SortField.Type.LONG));
		StoredFields stored = searcher.storedFields();
		int deleted = 0;
		ScoreDoc after = null;
		while (excess > 0) {
			TopDocs page = searcher.searchAfter(after, HistoryDocuments.DIAGNOSES, 1000, oldestFirst);
			if (page.scoreDocs.length == 0) {
				break;
			}
			for (ScoreDoc hit : page.scoreDocs) {
				if (excess <= 0) {
					break;
				}
				String id = stored.document(hit.doc, Set.of(HistoryDocuments.ID)).get(HistoryDocuments.ID);
				this.writer.deleteDocuments(new Term(HistoryDocuments.DIAGNOSIS, id),
						new Term(HistoryDocuments.FEEDBACK_FOR, id));
				excess -= docValue(searcher, hit.doc, HistoryDocuments.SIZE);
				deleted++;
			}
			after = page.scoreDocs[page.scoreDocs.length - 1];
		}
		return deleted;
	}

	/**
	 * @param searcher a searcher
	 * @param doc a document of its reader
	 * @param field a numeric doc values field
	 * @return the document's value, 0 when it has none
	 */
	static long docValue(IndexSearcher searcher, int doc, String field) throws IOException {
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		NumericDocValues values = leaf.reader().getNumericDocValues(field);
		return (values != null && values.advanceExact(doc - leaf.docBase)) ? values.longValue() : 0;
	}

	/**
	 * Runs a read on the current searcher.
	 * @param <T> what it returns
	 * @param read the read
	 * @return what it returned
	 */
	<T> T read(Read<T> read) {
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				return read.on((FacetedSearcher) searcher);
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.searchers.close();
			this.writer.close();
			this.directory.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Document diagnosisDocument(IndexSearcher searcher, String id) throws IOException {
		TopDocs hit = searcher.search(new BooleanQuery.Builder().add(HistoryDocuments.DIAGNOSES, Occur.FILTER)
			.add(new TermQuery(new Term(HistoryDocuments.ID, id)), Occur.FILTER)
			.build(), 1);
		return (hit.scoreDocs.length > 0) ? searcher.storedFields().document(hit.scoreDocs[0].doc) : null;
	}

	private static int chunkOf(int[] starts, int line) {
		int found = Arrays.binarySearch(starts, line);
		return (found >= 0) ? found : Math.max(0, -found - 2);
	}

	/** A read of the index. */
	@FunctionalInterface
	interface Read<T> {

		T on(FacetedSearcher searcher) throws IOException;

	}

	/**
	 * A searcher with the facet state of its reader, built on first use and shared by
	 * every query on that reader.
	 */
	static final class FacetedSearcher extends IndexSearcher {

		private SortedSetDocValuesReaderState facetState;

		private boolean facetStateBuilt;

		FacetedSearcher(IndexReader reader) {
			super(reader);
		}

		/**
		 * @return the facet state, or {@code null} while nothing with facets is indexed
		 */
		synchronized SortedSetDocValuesReaderState facetState() throws IOException {
			if (!this.facetStateBuilt) {
				this.facetStateBuilt = true;
				try {
					this.facetState = new DefaultSortedSetDocValuesReaderState(getIndexReader(),
							HistoryDocuments.FACETS_CONFIG);
				}
				catch (IllegalArgumentException ex) {
					// no document with facets yet
					this.facetState = null;
				}
			}
			return this.facetState;
		}

	}

	private static final class FacetedSearcherFactory extends SearcherFactory {

		@Override
		public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
			return new FacetedSearcher(reader);
		}

	}

}
