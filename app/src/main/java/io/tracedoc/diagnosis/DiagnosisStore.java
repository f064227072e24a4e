package io.tracedoc.diagnosis;

import java.util.List;
import java.util.Optional;

import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceListener;
import io.tracedoc.trace.TraceSection;

/**
 * Keeps diagnoses with their redacted logs, so a permalink shows what was true at failure
 * time. The history feature stores them in Lucene; without it a bounded in-memory store
 * keeps the latest ones.
 */
public interface DiagnosisStore {

	/**
	 * Starts storing a diagnosis: the returned draft receives the redacted log while the
	 * engine reads it, so the log is never held in memory twice.
	 * @param context where the log came from
	 * @return the draft to feed and then complete or abandon
	 */
	Draft begin(JobContext context);

	/**
	 * @param id a permalink id
	 * @return the stored diagnosis
	 */
	Optional<StoredDiagnosis> find(String id);

	/**
	 * Reads part of a stored log, for a viewer that pages through a long one.
	 * @param id a permalink id
	 * @param fromIndex index of the first line wanted (0-based, in log order)
	 * @param count how many lines at most
	 * @return the lines and the sections of the log, or empty when the id is unknown
	 */
	Optional<LogPage> log(String id, int fromIndex, int count);

	/**
	 * A diagnosis being stored.
	 */
	interface Draft extends TraceListener {

		/**
		 * Stores the diagnosis under a new id; what it was acknowledged with survives a
		 * restart when the store is durable.
		 * @param diagnosis the diagnosis, probes included
		 * @return what was stored, the diagnosis carrying its id
		 */
		StoredDiagnosis complete(Diagnosis diagnosis);

		/** Drops what was received: the log could not be diagnosed. */
		void abandon();

	}

	/**
	 * A slice of a stored log.
	 *
	 * @param lines the lines, redacted
	 * @param sections every section of the log
	 * @param totalLines how many lines the log has
	 * @param fromIndex index of the first line of {@code lines}
	 */
	record LogPage(List<TraceLine> lines, List<TraceSection> sections, int totalLines, int fromIndex) {

		public LogPage {
			lines = List.copyOf(lines);
			sections = List.copyOf(sections);
		}

	}

}
