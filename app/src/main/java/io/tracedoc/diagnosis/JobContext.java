package io.tracedoc.diagnosis;

import java.time.Instant;

/**
 * Where a log came from and which job it belongs to, as far as the caller knows. Every
 * field but {@code source} and {@code receivedAt} may be {@code null}.
 *
 * @param source how the log reached tracedoc
 * @param receivedAt when it arrived
 * @param gitlabUrl the GitLab instance's base URL
 * @param projectPath the project's full path ({@code group/project})
 * @param projectId the project's numeric id
 * @param jobId the job's id
 * @param jobUrl the job's web URL
 * @param jobName the job's name
 * @param pipelineId the pipeline's id
 * @param ref the branch or tag
 * @param commitSha the commit
 * @param mergeRequestIid the merge request the pipeline belongs to
 * @param runner the runner's description or id, which also picks the cluster the probes
 * ask
 * @param cluster the configured cluster name to probe, when the caller knows it
 */
public record JobContext(Source source, Instant receivedAt, String gitlabUrl, String projectPath, Long projectId,
		Long jobId, String jobUrl, String jobName, Long pipelineId, String ref, String commitSha, Long mergeRequestIid,
		String runner, String cluster) {

	/**
	 * @param source how the log arrived
	 * @return a context with nothing known but the source and the time
	 */
	public static JobContext of(Source source) {
		return new JobContext(source, Instant.now(), null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	/**
	 * @param cluster the configured cluster to probe
	 * @return this context, probing that cluster
	 */
	public JobContext withCluster(String cluster) {
		return new JobContext(this.source, this.receivedAt, this.gitlabUrl, this.projectPath, this.projectId,
				this.jobId, this.jobUrl, this.jobName, this.pipelineId, this.ref, this.commitSha, this.mergeRequestIid,
				this.runner, cluster);
	}

	/** How a log reached tracedoc. */
	public enum Source {

		/** Pasted into the web page. */
		PASTE,

		/** Uploaded as a file on the web page. */
		UPLOAD,

		/** Fetched from GitLab for a job URL. */
		JOB_URL,

		/** Posted to the REST API. */
		API,

		/** Sent by a GitLab webhook for a failed job. */
		WEBHOOK,

		/** Sent from Slack. */
		SLACK,

		/** Given to the command line. */
		CLI

	}

}
