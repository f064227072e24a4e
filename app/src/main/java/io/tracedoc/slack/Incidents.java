package io.tracedoc.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.pattern.Category;

/**
 * Open incidents: failures with the same cause (category and key captures) on the same
 * runner or cluster, each until {@code window} has passed since its last failure. At most
 * {@code max} are remembered; the one whose last failure is oldest is forgotten first, so
 * memory stays bounded however many causes fail.
 */
final class Incidents {

	/** The taxonomy's group of causes in the job's own script. */
	private static final String OWN_SCRIPT = Category.SCRIPT_FAILURE.group();

	private final Duration window;

	private final int max;

	private final Set<String> varyingCaptures;

	private final Clock clock;

	/** In order of last failure, oldest first. */
	private final LinkedHashMap<String, Incident> open = new LinkedHashMap<>(16, 0.75f, true);

	/**
	 * @param window how long an incident stays open after its last failure
	 * @param max incidents remembered at most
	 * @param varyingCaptures captures that differ from job to job, left out of the key
	 * @param clock what "now" is
	 */
	Incidents(Duration window, int max, Collection<String> varyingCaptures, Clock clock) {
		this.window = window;
		this.max = max;
		this.varyingCaptures = Set.copyOf(varyingCaptures);
		this.clock = clock;
	}

	/**
	 * Counts a failure in its incident, opening one when none is open for its cause.
	 * @param stored the failure
	 * @return its incident; {@link Incident#count()} is this failure's number in it
	 */
	synchronized Joined join(StoredDiagnosis stored) {
		Instant now = this.clock.instant();
		forgetExpired(now);
		String key = key(stored);
		Incident incident = this.open.get(key);
		if (incident == null) {
			incident = new Incident(stored, now);
			this.open.put(key, incident);
			while (this.open.size() > this.max) {
				Iterator<Incident> oldest = this.open.values().iterator();
				oldest.next();
				oldest.remove();
			}
		}
		int count = incident.count(now);
		return new Joined(incident, count);
	}

	/**
	 * @return how many incidents are open
	 */
	synchronized int size() {
		forgetExpired(this.clock.instant());
		return this.open.size();
	}

	private void forgetExpired(Instant now) {
		this.open.values().removeIf((incident) -> incident.last().plus(this.window).isBefore(now));
	}

	/**
	 * The cause of a failure: category, the top finding's captures except those that
	 * differ from job to job, and the runner or cluster; for a failure in the job's own
	 * script also the project and the job's name. A failure nothing explains is an
	 * incident of its own: two unknown failures need not share a cause.
	 * @param stored a failure
	 * @return its incident's key
	 */
	String key(StoredDiagnosis stored) {
		Diagnosis diagnosis = stored.diagnosis();
		Finding top = diagnosis.top();
		if (top == null) {
			return "unexplained " + stored.id();
		}
		Map<String, String> captures = new TreeMap<>(top.captures());
		captures.keySet().removeAll(this.varyingCaptures);
		JobContext job = stored.context();
		String where = (job.runner() != null) ? "runner=" + job.runner() : "cluster=" + job.cluster();
		if (OWN_SCRIPT.equals(diagnosis.category().group())) {
			// a job's own script failing is that job's problem, not the runner's
			where += " project=" + job.projectPath() + " job=" + job.jobName();
		}
		return diagnosis.category().id() + " " + top.pattern() + " " + where + " "
				+ captures.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + entry.getValue())
					.collect(Collectors.joining(" "));
	}

	/**
	 * A failure counted in its incident.
	 *
	 * @param incident the incident
	 * @param count the failure's number in it, 1 for the first
	 */
	record Joined(Incident incident, int count) {

	}

	/**
	 * An incident: its first failure, where its message is, and how many failures it has
	 * had. Posting to Slack holds its monitor, so the first message exists before anyone
	 * replies to it; counting a failure does not wait for Slack.
	 */
	static final class Incident {

		/** Guards the counters; the incident's own monitor is held while posting. */
		private final Object state = new Object();

		private final StoredDiagnosis first;

		private final Instant since;

		private Instant last;

		private int count;

		private String ts;

		Incident(StoredDiagnosis first, Instant since) {
			this.first = first;
			this.since = since;
			this.last = since;
		}

		int count(Instant now) {
			synchronized (this.state) {
				this.last = now;
				return ++this.count;
			}
		}

		Instant last() {
			synchronized (this.state) {
				return this.last;
			}
		}

		int failures() {
			synchronized (this.state) {
				return this.count;
			}
		}

		StoredDiagnosis first() {
			return this.first;
		}

		Instant since() {
			return this.since;
		}

		String ts() {
			synchronized (this.state) {
				return this.ts;
			}
		}

		void posted(String ts) {
			synchronized (this.state) {
				this.ts = ts;
			}
		}

	}

}
