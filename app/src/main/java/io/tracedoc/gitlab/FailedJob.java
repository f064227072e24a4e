package io.tracedoc.gitlab;

import java.time.Instant;

/**
 * A failed job a webhook announced, as the queue keeps it: what the event said, and how
 * far processing got, so a retry or a restart picks up where it stopped.
 *
 * @param instance the configured GitLab instance's name
 * @param projectId the project's id
 * @param projectPath the project's full path, when the event gave it
 * @param jobId the job's id
 * @param jobName the job's name
 * @param pipelineId the pipeline's id
 * @param ref the branch or tag
 * @param commitSha the commit
 * @param mergeRequestIid the merge request the pipeline belongs to, when the event said
 * @param runner the runner's description
 * @param receivedAt when the event arrived
 * @param attempts how many attempts failed for a passing reason
 * @param diagnosisId the stored diagnosis once made: a retry then only posts the note
 * @param lastError why the last attempt failed
 */
record FailedJob(String instance, long projectId, String projectPath, long jobId, String jobName, Long pipelineId,
		String ref, String commitSha, Long mergeRequestIid, String runner, Instant receivedAt, int attempts,
		String diagnosisId, String lastError) {

	/**
	 * @return the key that makes processing idempotent: one instance, one job
	 */
	String key() {
		return key(this.instance, this.jobId);
	}

	static String key(String instance, long jobId) {
		return instance + "-" + jobId;
	}

	/**
	 * @param diagnosisId the stored diagnosis
	 * @return this job, diagnosed
	 */
	FailedJob diagnosed(String diagnosisId) {
		return new FailedJob(this.instance, this.projectId, this.projectPath, this.jobId, this.jobName, this.pipelineId,
				this.ref, this.commitSha, this.mergeRequestIid, this.runner, this.receivedAt, this.attempts,
				diagnosisId, this.lastError);
	}

	/**
	 * @param error why the attempt failed
	 * @return this job after one more failed attempt
	 */
	FailedJob failedAttempt(String error) {
		return new FailedJob(this.instance, this.projectId, this.projectPath, this.jobId, this.jobName, this.pipelineId,
				this.ref, this.commitSha, this.mergeRequestIid, this.runner, this.receivedAt, this.attempts + 1,
				this.diagnosisId, error);
	}

}
