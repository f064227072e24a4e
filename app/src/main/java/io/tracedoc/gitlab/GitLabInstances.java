package io.tracedoc.gitlab;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.gitlab4j.api.GitLabApi;

/**
 * The configured GitLab instances, each with its gitlab4j client: found by the webhook
 * secret a request carries, by name, or by a job URL.
 */
final class GitLabInstances {

	private final List<GitLabInstance> instances;

	GitLabInstances(GitLabProperties properties) {
		int timeoutMillis = Math.toIntExact(properties.requestTimeout().toMillis());
		List<GitLabInstance> all = new ArrayList<>();
		properties.instances().forEach((name, config) -> {
			GitLabApi api = new GitLabApi(config.url().toString(), config.token());
			api.setRequestTimeout(timeoutMillis, timeoutMillis);
			all.add(new GitLabInstance(name, base(config.url()), api,
					config.receivesWebhooks() ? sha256(config.webhookSecret()) : null, Set.copyOf(config.optOut())));
		});
		// the longest URL first, so an instance under a path wins over one at the host's
		// root
		all.sort(Comparator.comparing((GitLabInstance instance) -> instance.url().length()).reversed());
		this.instances = List.copyOf(all);
	}

	/**
	 * @return {@code true} when no instance is configured
	 */
	boolean isEmpty() {
		return this.instances.isEmpty();
	}

	/**
	 * Compares the token with every instance's secret in constant time (digests of equal
	 * length, every one compared), so the answer's timing tells nothing about a secret.
	 * @param token the {@code X-Gitlab-Token} header, or {@code null}
	 * @return the instance whose secret it is
	 */
	Optional<GitLabInstance> forWebhookToken(String token) {
		byte[] digest = sha256((token != null) ? token : "");
		GitLabInstance found = null;
		for (GitLabInstance instance : this.instances) {
			if (instance.secretDigest() != null && MessageDigest.isEqual(digest, instance.secretDigest())
					&& token != null) {
				found = instance;
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * @param name an instance's name
	 * @return the instance
	 */
	Optional<GitLabInstance> named(String name) {
		return this.instances.stream().filter((instance) -> instance.name().equals(name)).findFirst();
	}

	/**
	 * @param url a web URL on some GitLab
	 * @return the instance it belongs to
	 */
	Optional<GitLabInstance> forUrl(URI url) {
		String text = url.toString().toLowerCase(Locale.ROOT);
		return this.instances.stream()
			.filter((instance) -> text.startsWith(instance.url().toLowerCase(Locale.ROOT)))
			.findFirst();
	}

	/** The base URL with one trailing slash, so a prefix never matches another host. */
	private static String base(URI url) {
		String text = url.toString();
		return text.endsWith("/") ? text : text + "/";
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One GitLab instance.
	 *
	 * @param name its configured name
	 * @param url its base URL, ending in {@code /}
	 * @param api its client
	 * @param secretDigest the SHA-256 of its webhook secret, {@code null} when it has
	 * none
	 * @param optOut projects (full path or id) whose events are ignored
	 */
	record GitLabInstance(String name, String url, GitLabApi api, byte[] secretDigest, Set<String> optOut) {

		/**
		 * @param projectId the project's id
		 * @param projectPath its full path, when known
		 * @return {@code true} when the project opted out of tracedoc's notes
		 */
		boolean optedOut(Long projectId, String projectPath) {
			return (projectId != null && this.optOut.contains(projectId.toString()))
					|| (projectPath != null && this.optOut.contains(projectPath));
		}

		/**
		 * @param projectPath the project's full path
		 * @param jobId the job's id
		 * @return the job's web URL
		 */
		String jobUrl(String projectPath, long jobId) {
			return this.url + projectPath + "/-/jobs/" + jobId;
		}

	}

}
