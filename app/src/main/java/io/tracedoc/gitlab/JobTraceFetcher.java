package io.tracedoc.gitlab;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Fetches a job's log from GitLab for its web URL, for the job URL field of the web page
 * and {@code {"jobUrl": ...}} in the REST API. The GitLab client provides the real one
 * once a token is configured; until then {@link #unconfigured()} says so.
 */
public interface JobTraceFetcher {

	/**
	 * @return {@code true} when a GitLab token is configured, so {@link #fetch} can work
	 */
	boolean configured();

	/**
	 * @param jobUrl the job's web URL
	 * ({@code https://gitlab.example.com/group/project/-/jobs/42})
	 * @return the raw trace, to be read to its end and closed by the caller
	 * @throws IOException when GitLab does not give the log
	 * @throws IllegalStateException when no GitLab token is configured
	 */
	InputStream fetch(URI jobUrl) throws IOException;

	/**
	 * @return a fetcher for a tracedoc without a GitLab token
	 */
	static JobTraceFetcher unconfigured() {
		return new JobTraceFetcher() {

			@Override
			public boolean configured() {
				return false;
			}

			@Override
			public InputStream fetch(URI jobUrl) {
				throw new IllegalStateException("no GitLab token is configured");
			}

		};
	}

}
