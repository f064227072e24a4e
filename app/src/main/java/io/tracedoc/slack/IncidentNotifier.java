package io.tracedoc.slack;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import io.tracedoc.diagnosis.DiagnosisCompleted;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.trace.Outcome;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.pattern.FailurePattern.Maturity;

/**
 * Posts failed jobs from the GitLab webhook to the notification channel, one thread per
 * incident: the first failure with a cause posts the diagnosis, later ones within the
 * window reply in its thread and update its running count.
 */
class IncidentNotifier {

	private static final Logger logger = LoggerFactory.getLogger(IncidentNotifier.class);

	private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final String channel;

	private final SlackClient slack;

	private final SlackMessages messages;

	private final Incidents incidents;

	private final Executor work;

	/**
	 * @param channel the channel id, or {@code null} for no notifications
	 * @param slack the Slack client
	 * @param messages the renderer
	 * @param incidents the open incidents
	 * @param work where posting runs, so the webhook is never held up by Slack
	 */
	IncidentNotifier(String channel, SlackClient slack, SlackMessages messages, Incidents incidents, Executor work) {
		this.channel = channel;
		this.slack = slack;
		this.messages = messages;
		this.incidents = incidents;
		this.work = work;
	}

	@EventListener
	void diagnosed(DiagnosisCompleted event) {
		StoredDiagnosis stored = event.stored();
		Outcome outcome = stored.diagnosis().outcome();
		Finding top = stored.diagnosis().top();
		// only stable patterns speak in a channel unasked (docs/patterns.md, maturity);
		// the
		// others still answer in GitLab, in the history and when someone asks the bot
		if (this.channel == null || stored.context().source() != JobContext.Source.WEBHOOK
				|| outcome == Outcome.SUCCEEDED || outcome == Outcome.CANCELED
				|| (top != null && top.maturity() != Maturity.STABLE)) {
			return;
		}
		Incidents.Joined joined = this.incidents.join(stored);
		try {
			this.work.execute(() -> post(joined, stored));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Slack notification for diagnosis {} dropped: every worker is busy and the queue is full",
					stored.id());
		}
	}

	private void post(Incidents.Joined joined, StoredDiagnosis stored) {
		Incidents.Incident incident = joined.incident();
		// one failure at a time per incident: the thread exists before anyone replies to
		// it
		synchronized (incident) {
			try {
				String ts = incident.ts();
				if (ts == null) {
					ts = this.slack.post(this.channel, null, parent(incident));
					incident.posted(ts);
					if (joined.count() == 1) {
						return;
					}
				}
				if (joined.count() > 1) {
					this.slack.post(this.channel, ts, this.messages.incidentReply(joined.count(), stored));
				}
				this.slack.update(this.channel, ts, parent(incident));
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Slack notification for diagnosis {} failed: {}", stored.id(), ex.toString());
			}
		}
	}

	private SlackMessages.Message parent(Incidents.Incident incident) {
		StoredDiagnosis first = incident.first();
		JobContext job = first.context();
		String where = (job.runner() != null) ? job.runner() : job.cluster();
		return this.messages.diagnosis(first, first.diagnosis(),
				SlackMessages.incidentNote(incident.failures(), SINCE.format(incident.since()), where));
	}

}
