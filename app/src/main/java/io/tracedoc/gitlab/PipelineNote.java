package io.tracedoc.gitlab;

import java.util.ArrayList;
import java.util.List;

/**
 * tracedoc's one note on a pipeline, as the journal remembers it: where it is, and the
 * failed jobs it lists, so the next failed job edits it instead of adding another.
 *
 * @param instance the GitLab instance's name
 * @param projectId the project's id
 * @param pipelineId the pipeline's id
 * @param mergeRequestIid the merge request the note is on, or {@code null} when it is on
 * the commit
 * @param commitSha the commit the pipeline ran for
 * @param discussionId the commit discussion holding the note, when on the commit
 * @param noteId the note's id once posted
 * @param jobs the failed jobs it lists, in the order they arrived
 * @param body the Markdown last rendered (also under dry run, when nothing is posted)
 */
record PipelineNote(String instance, long projectId, long pipelineId, Long mergeRequestIid, String commitSha,
		String discussionId, Long noteId, List<NotedJob> jobs, String body) {

	PipelineNote {
		jobs = List.copyOf(jobs);
	}

	/**
	 * @return the journal's key of this pipeline
	 */
	String key() {
		return key(this.instance, this.projectId, this.pipelineId);
	}

	static String key(String instance, long projectId, long pipelineId) {
		return instance + "-" + projectId + "-" + pipelineId;
	}

	/**
	 * @return the hidden line that marks tracedoc's note on this pipeline
	 */
	String marker() {
		return "<!-- tracedoc:pipeline:" + this.pipelineId + " -->";
	}

	/**
	 * @param job a failed job
	 * @return this note listing the job too (once, however often it arrives)
	 */
	PipelineNote with(NotedJob job) {
		List<NotedJob> all = new ArrayList<>(this.jobs);
		all.removeIf((noted) -> noted.jobId() == job.jobId());
		all.add(job);
		return new PipelineNote(this.instance, this.projectId, this.pipelineId, this.mergeRequestIid, this.commitSha,
				this.discussionId, this.noteId, all, this.body);
	}

	/**
	 * @param discussionId the commit discussion, or {@code null}
	 * @param noteId the note's id, or {@code null} under dry run
	 * @param body the Markdown
	 * @return this note as posted
	 */
	PipelineNote posted(String discussionId, Long noteId, String body) {
		return new PipelineNote(this.instance, this.projectId, this.pipelineId, this.mergeRequestIid, this.commitSha,
				discussionId, noteId, this.jobs, body);
	}

	/**
	 * A failed job the note lists.
	 *
	 * @param jobId the job's id
	 * @param jobName its name
	 * @param jobUrl its web URL
	 * @param diagnosisId its stored diagnosis
	 */
	record NotedJob(long jobId, String jobName, String jobUrl, String diagnosisId) {

	}

}
