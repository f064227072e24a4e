package io.tracedoc.gitlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.LogTooLargeException;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.gitlab.GitLabInstances.GitLabInstance;
import io.tracedoc.gitlab.PipelineNote.NotedJob;
import io.tracedoc.gitlab.WebhookJournal.JobOutcome;
import io.tracedoc.system.PublicAddress;
import jakarta.ws.rs.ProcessingException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.models.Discussion;
import org.gitlab4j.api.models.Job;
import org.gitlab4j.api.models.MergeRequest;
import org.gitlab4j.api.models.Note;

/**
 * Processes one queued failed job: fetches the job and its trace, diagnoses it (the
 * probes run then, while the build pod's events still exist), and answers with the
 * pipeline's one note, on its merge request or else on its commit. GitLab failing for a
 * passing reason (5xx, 429, timeouts, unreachable) queues the job again with backoff; an
 * answer that will not change (401, 403, 404) ends it with the reason stored. Never
 * throws: whatever happens ends in the journal.
 */
final class FailedJobProcessor {

	private static final Log logger = LogFactory.getLog(FailedJobProcessor.class);

	private static final Pattern MERGE_REQUEST_REF = Pattern.compile("refs/merge-requests/([0-9]{1,18})/.*");

	private final GitLabInstances instances;

	private final DiagnosisService diagnoses;

	private final WebhookJournal journal;

	private final GitLabProperties properties;

	private final NoteRenderer renderer;

	/** Serialises the notes of one pipeline, whichever worker holds its jobs. */
	private final Object[] pipelineLocks = new Object[64];

	FailedJobProcessor(GitLabInstances instances, DiagnosisService diagnoses, WebhookJournal journal,
			GitLabProperties properties, PublicAddress address) {
		this.instances = instances;
		this.diagnoses = diagnoses;
		this.journal = journal;
		this.properties = properties;
		this.renderer = new NoteRenderer(address);
		for (int i = 0; i < this.pipelineLocks.length; i++) {
			this.pipelineLocks[i] = new Object();
		}
	}

	/**
	 * @param job a queued job
	 */
	void process(FailedJob job) {
		Optional<GitLabInstance> instance = this.instances.named(job.instance());
		if (instance.isEmpty()) {
			finish(job, "GitLab instance '" + job.instance() + "' is no longer configured");
			return;
		}
		FailedJob current = job;
		try {
			if (current.diagnosisId() == null) {
				current = diagnose(instance.get(), current);
				this.journal.save(current);
			}
			answer(instance.get(), current);
			finish(current, null);
		}
		catch (GitLabApiException ex) {
			String reason = reason(instance.get(), current, ex);
			if (passing(ex)) {
				retryOrGiveUp(current, reason);
			}
			else {
				finish(current, reason);
			}
		}
		catch (IOException | UncheckedIOException | ProcessingException ex) {
			retryOrGiveUp(current, "GitLab could not be reached: " + ex.getMessage());
		}
		catch (LogTooLargeException ex) {
			finish(current, "The job's log is larger than tracedoc.diagnosis.max-log-size; nothing was diagnosed");
		}
		catch (RuntimeException ex) {
			logger.error("Could not process GitLab job " + current.key(), ex);
			finish(current, "tracedoc failed on this job: " + ex);
		}
	}

	private FailedJob diagnose(GitLabInstance instance, FailedJob job) throws GitLabApiException, IOException {
		GitLabApi api = instance.api();
		Job details = api.getJobApi().getJob(job.projectId(), job.jobId());
		String projectPath = projectPath(instance, details.getWebUrl(), job.projectPath());
		Long pipelineId = (details.getPipeline() != null) ? details.getPipeline().getId() : job.pipelineId();
		String ref = (job.ref() != null) ? job.ref() : details.getRef();
		String sha = (job.commitSha() != null) ? job.commitSha()
				: (details.getCommit() != null) ? details.getCommit().getId() : null;
		String runner = (job.runner() != null) ? job.runner()
				: (details.getRunner() != null) ? details.getRunner().getDescription() : null;
		Long mergeRequestIid = (job.mergeRequestIid() != null) ? job.mergeRequestIid()
				: mergeRequestOf(api, job.projectId(), ref, sha);
		String jobName = (details.getName() != null) ? details.getName() : job.jobName();
		FailedJob known = new FailedJob(job.instance(), job.projectId(), projectPath, job.jobId(), jobName, pipelineId,
				ref, sha, mergeRequestIid, runner, job.receivedAt(), job.attempts(), null, job.lastError());
		JobContext context = new JobContext(JobContext.Source.WEBHOOK, job.receivedAt(), instance.url(), projectPath,
				job.projectId(), job.jobId(), details.getWebUrl(), jobName, pipelineId, ref, sha, mergeRequestIid,
				runner, null);
		StoredDiagnosis stored;
		try (InputStream trace = new TraceApi(api).open(job.projectId(), job.jobId())) {
			stored = this.diagnoses.diagnose(trace, context);
		}
		return known.diagnosed(stored.id());
	}

	/**
	 * A merge request pipeline names its merge request in the ref; a branch pipeline
	 * belongs to the open merge request from that branch, if any.
	 */
	private static Long mergeRequestOf(GitLabApi api, long projectId, String ref, String sha)
			throws GitLabApiException {
		if (ref != null) {
			Matcher mergeRequest = MERGE_REQUEST_REF.matcher(ref);
			if (mergeRequest.matches()) {
				return Long.valueOf(mergeRequest.group(1));
			}
		}
		if (sha == null || ref == null) {
			return null;
		}
		List<MergeRequest> open;
		try {
			open = api.getCommitsApi().getMergeRequests(projectId, sha);
		}
		catch (GitLabApiException ex) {
			if (passing(ex)) {
				throw ex;
			}
			// the commit's merge requests cannot be read: the note goes on the commit
			return null;
		}
		return open.stream()
			.filter((mr) -> "opened".equals(mr.getState()) && ref.equals(mr.getSourceBranch()))
			.map(MergeRequest::getIid)
			.findFirst()
			.orElse(null);
	}

	private void answer(GitLabInstance instance, FailedJob job) throws GitLabApiException {
		long pipelineId = (job.pipelineId() != null) ? job.pipelineId() : 0;
		String key = PipelineNote.key(job.instance(), job.projectId(), pipelineId);
		synchronized (this.pipelineLocks[Math.floorMod(key.hashCode(), this.pipelineLocks.length)]) {
			PipelineNote note = this.journal.note(key)
				.orElseGet(() -> new PipelineNote(job.instance(), job.projectId(), pipelineId, job.mergeRequestIid(),
						job.commitSha(), null, null, List.of(), null))
				.with(new NotedJob(job.jobId(), job.jobName(),
						(job.projectPath() != null) ? instance.jobUrl(job.projectPath(), job.jobId()) : null,
						job.diagnosisId()));
			String body = this.renderer.render(note, this.diagnoses::find);
			if (this.properties.dryRun() || instance.optedOut(job.projectId(), job.projectPath())) {
				this.journal.saveNote(note.posted(note.discussionId(), note.noteId(), body));
				logger.info(
						"Dry run or opted-out project: not posting tracedoc's note on pipeline " + key + ":\n" + body);
				return;
			}
			this.journal.saveNote((note.mergeRequestIid() != null) ? onMergeRequest(instance.api(), note, body)
					: onCommit(instance.api(), note, body));
		}
	}

	private static PipelineNote onMergeRequest(GitLabApi api, PipelineNote note, String body)
			throws GitLabApiException {
		Long noteId = note.noteId();
		if (noteId == null) {
			// the journal may have lost it (or never kept it: a crash right after
			// posting)
			noteId = api.getNotesApi()
				.getMergeRequestNotesStream(note.projectId(), note.mergeRequestIid())
				.filter((existing) -> existing.getBody() != null && existing.getBody().startsWith(note.marker()))
				.map(Note::getId)
				.findFirst()
				.orElse(null);
		}
		if (noteId == null) {
			noteId = api.getNotesApi()
				.createMergeRequestNote(note.projectId(), note.mergeRequestIid(), body, null, null)
				.getId();
		}
		else {
			api.getNotesApi().updateMergeRequestNote(note.projectId(), note.mergeRequestIid(), noteId, body);
		}
		return note.posted(null, noteId, body);
	}

	private static PipelineNote onCommit(GitLabApi api, PipelineNote note, String body) throws GitLabApiException {
		String discussionId = note.discussionId();
		Long noteId = note.noteId();
		if (noteId == null) {
			for (Discussion discussion : api.getDiscussionsApi()
				.getCommitDiscussions(note.projectId(), note.commitSha())) {
				Optional<Note> mine = (discussion.getNotes() != null) ? discussion.getNotes()
					.stream()
					.filter((existing) -> existing.getBody() != null && existing.getBody().startsWith(note.marker()))
					.findFirst() : Optional.empty();
				if (mine.isPresent()) {
					discussionId = discussion.getId();
					noteId = mine.get().getId();
					break;
				}
			}
		}
		if (noteId == null) {
			Discussion created = api.getDiscussionsApi()
				.createCommitDiscussion(note.projectId(), note.commitSha(), body, null);
			discussionId = created.getId();
			noteId = created.getNotes().get(0).getId();
		}
		else {
			api.getDiscussionsApi()
				.modifyCommitDiscussionNote(note.projectId(), note.commitSha(), discussionId, noteId, body);
		}
		return note.posted(discussionId, noteId, body);
	}

	private void retryOrGiveUp(FailedJob job, String reason) {
		FailedJob failed = job.failedAttempt(reason);
		GitLabProperties.Retry retry = this.properties.retry();
		if (failed.attempts() >= retry.maxAttempts()) {
			finish(failed, "Gave up after " + failed.attempts() + " attempts: " + reason);
		}
		else {
			logger.info("GitLab job " + job.key() + " will be retried (attempt " + failed.attempts() + "): " + reason);
			this.journal.retryLater(failed, retry.backoff(failed.attempts()));
		}
	}

	private void finish(FailedJob job, String failure) {
		if (failure != null) {
			logger.warn("GitLab job " + job.key() + " not answered: " + failure);
		}
		this.journal.finish(job,
				new JobOutcome(job.instance(), job.jobId(), job.diagnosisId(), failure, job.attempts(), Instant.now()));
	}

	/** 5xx, 429, 408 and no answer at all (status 0) may pass; the others will not. */
	private static boolean passing(GitLabApiException ex) {
		int status = ex.getHttpStatus();
		return status == 0 || status == 408 || status == 429 || status >= 500;
	}

	private static String reason(GitLabInstance instance, FailedJob job, GitLabApiException ex) {
		String what = "GitLab (" + instance.name() + ") answered " + ex.getHttpStatus() + " for job " + job.jobId()
				+ " of project " + job.projectId();
		return switch (ex.getHttpStatus()) {
			case 0 -> "GitLab (" + instance.name() + ") could not be reached: " + ex.getMessage();
			case 401 -> what + ": the token is invalid or expired; renew tracedoc.gitlab.instances." + instance.name()
					+ ".token";
			case 403 -> what + ": the token may not do this; it needs the api scope and at least the Developer role "
					+ "in the project";
			case 404 -> what + ": the job or project does not exist, or the token cannot see it";
			default -> what + ": " + ex.getMessage();
		};
	}

	/** The project's full path from the job's web URL on this instance. */
	private static String projectPath(GitLabInstance instance, String jobWebUrl, String fallback) {
		if (jobWebUrl != null && jobWebUrl.startsWith(instance.url())) {
			String rest = jobWebUrl.substring(instance.url().length());
			int jobs = rest.indexOf("/-/jobs/");
			if (jobs > 0) {
				return rest.substring(0, jobs);
			}
		}
		return fallback;
	}

}
