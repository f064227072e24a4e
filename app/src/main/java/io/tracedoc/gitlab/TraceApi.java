package io.tracedoc.gitlab;

import java.io.InputStream;

import jakarta.ws.rs.core.Response;
import org.gitlab4j.api.AbstractApi;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;

/**
 * A job's raw trace as a stream of its bytes, through gitlab4j's own client (token,
 * timeouts, proxy): {@code JobApi.getTrace} answers a String, which would hold a 100 MB
 * trace twice in the heap and decode invalid UTF-8 before tracedoc's parser sees it.
 */
final class TraceApi extends AbstractApi {

	TraceApi(GitLabApi api) {
		super(api);
	}

	/**
	 * @param project the project's id or full path
	 * @param jobId the job's id
	 * @return the trace's bytes, to be read and closed by the caller (closing releases
	 * the connection)
	 * @throws GitLabApiException when GitLab does not answer 200
	 */
	InputStream open(Object project, long jobId) throws GitLabApiException {
		Response response = get(Response.Status.OK, getDefaultPerPageParam(), "projects", getProjectIdOrPath(project),
				"jobs", jobId, "trace");
		return response.readEntity(InputStream.class);
	}

}
