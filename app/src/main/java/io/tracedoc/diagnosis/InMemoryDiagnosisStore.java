package io.tracedoc.diagnosis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceSection;

/**
 * The store used when no durable one is configured: the latest diagnoses in memory,
 * bounded by a number of diagnoses and of log lines, the oldest dropped first. Lost on
 * restart.
 */
public final class InMemoryDiagnosisStore implements DiagnosisStore {

	private final int maxDiagnoses;

	private final long maxLines;

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	private long storedLines;

	/**
	 * @param maxDiagnoses how many diagnoses to keep
	 * @param maxLines how many log lines to keep across all of them
	 */
	public InMemoryDiagnosisStore(int maxDiagnoses, long maxLines) {
		this.maxDiagnoses = maxDiagnoses;
		this.maxLines = maxLines;
	}

	@Override
	public Draft begin(JobContext context) {
		return new MemoryDraft(context);
	}

	@Override
	public synchronized Optional<StoredDiagnosis> find(String id) {
		Entry entry = this.entries.get(id);
		return (entry != null) ? Optional.of(entry.stored) : Optional.empty();
	}

	@Override
	public synchronized Optional<LogPage> log(String id, int fromIndex, int count) {
		Entry entry = this.entries.get(id);
		if (entry == null) {
			return Optional.empty();
		}
		int from = Math.max(0, Math.min(fromIndex, entry.lines.size()));
		int to = Math.min(entry.lines.size(), from + Math.max(0, count));
		return Optional.of(new LogPage(entry.lines.subList(from, to), entry.sections, entry.lines.size(), from));
	}

	private synchronized StoredDiagnosis store(JobContext context, Diagnosis diagnosis, List<TraceLine> lines,
			List<TraceSection> sections) {
		String id = DiagnosisIds.next();
		StoredDiagnosis stored = new StoredDiagnosis(id, Instant.now(), context, diagnosis.withId(id));
		this.entries.put(id, new Entry(stored, lines, sections));
		this.storedLines += lines.size();
		while (!this.entries.isEmpty()
				&& (this.entries.size() > this.maxDiagnoses || this.storedLines > this.maxLines)) {
			String oldest = this.entries.keySet().iterator().next();
			if (oldest.equals(id)) {
				break;
			}
			this.storedLines -= this.entries.remove(oldest).lines.size();
		}
		return stored;
	}

	private record Entry(StoredDiagnosis stored, List<TraceLine> lines, List<TraceSection> sections) {

	}

	private final class MemoryDraft implements Draft {

		private final JobContext context;

		private final List<TraceLine> lines = new ArrayList<>();

		private final TreeMap<Integer, TraceSection> sections = new TreeMap<>();

		MemoryDraft(JobContext context) {
			this.context = context;
		}

		@Override
		public void onLine(TraceLine line) {
			if (this.lines.size() < InMemoryDiagnosisStore.this.maxLines) {
				this.lines.add(line);
			}
		}

		@Override
		public void onSectionStart(TraceSection section) {
			this.sections.put(section.id(), section);
		}

		@Override
		public void onSectionEnd(TraceSection section) {
			this.sections.put(section.id(), section);
		}

		@Override
		public StoredDiagnosis complete(Diagnosis diagnosis) {
			return store(this.context, diagnosis, List.copyOf(this.lines), List.copyOf(this.sections.values()));
		}

		@Override
		public void abandon() {
			this.lines.clear();
			this.sections.clear();
		}

	}

}
