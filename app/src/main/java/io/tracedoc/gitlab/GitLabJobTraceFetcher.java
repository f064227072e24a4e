package io.tracedoc.gitlab;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tracedoc.gitlab.GitLabInstances.GitLabInstance;
import org.gitlab4j.api.GitLabApiException;

/**
 * Fetches a job's trace with gitlab4j for its web URL, from the configured instance the
 * URL belongs to: the client the webhook uses too.
 */
final class GitLabJobTraceFetcher implements JobTraceFetcher {

	private static final Pattern JOB_PATH = Pattern.compile("(.+?)/-/jobs/([0-9]{1,18})/?");

	private final GitLabInstances instances;

	GitLabJobTraceFetcher(GitLabInstances instances) {
		this.instances = instances;
	}

	@Override
	public boolean configured() {
		return !this.instances.isEmpty();
	}

	@Override
	public InputStream fetch(URI jobUrl) throws IOException {
		GitLabInstance instance = this.instances.forUrl(jobUrl)
			.orElseThrow(() -> new IOException("no configured GitLab instance serves " + jobUrl.getHost()));
		String rest = jobUrl.toString().substring(instance.url().length());
		Matcher job = JOB_PATH.matcher(rest);
		if (!job.matches()) {
			throw new IOException("not a job URL: " + jobUrl);
		}
		try {
			return new TraceApi(instance.api()).open(job.group(1), Long.parseLong(job.group(2)));
		}
		catch (GitLabApiException ex) {
			throw new IOException("GitLab answered " + ex.getHttpStatus() + " for " + jobUrl, ex);
		}
	}

}
