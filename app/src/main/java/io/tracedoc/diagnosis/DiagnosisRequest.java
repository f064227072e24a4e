package io.tracedoc.diagnosis;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON body of {@code POST /api/v1/diagnoses}: a log, or the URL of a job whose log
 * tracedoc fetches from GitLab.
 *
 * @param log the job log
 * @param jobUrl the job's web URL
 */
@Schema(description = "Either the log or the URL of the job whose log tracedoc fetches from GitLab")
record DiagnosisRequest(@Schema(description = "the job log, as text") String log,
		@Schema(description = "the job's web URL, https://gitlab.example.com/group/project/-/jobs/42") String jobUrl) {

}
