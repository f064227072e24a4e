package io.tracedoc.gitlab;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.tracedoc.gitlab.GitLabInstances.GitLabInstance;
import org.gitlab4j.api.models.Build;
import org.gitlab4j.api.models.BuildStatus;
import org.gitlab4j.api.utils.JacksonJson;
import org.gitlab4j.api.webhook.BuildEvent;
import org.gitlab4j.api.webhook.Event;
import org.gitlab4j.api.webhook.EventProject;
import org.gitlab4j.api.webhook.PipelineEvent;

/**
 * Reads GitLab webhook bodies with gitlab4j's event classes and picks out the failed jobs
 * they announce: a job event with {@code build_status} failed, or the failed builds of a
 * pipeline event. Everything else is ignored, with the reason.
 */
final class WebhookEvents {

	private static final JacksonJson json = new JacksonJson();

	private WebhookEvents() {
	}

	/**
	 * @param body the webhook's JSON body
	 * @param instance the instance that sent it
	 * @param receivedAt when it arrived
	 * @return the failed jobs it announces, or why there are none
	 * @throws IllegalArgumentException when the body is no webhook JSON at all
	 */
	static Announced read(String body, GitLabInstance instance, Instant receivedAt) {
		Event event;
		try {
			JsonNode tree = json.getObjectMapper().readTree(body);
			if (tree == null || !tree.isObject() || !tree.hasNonNull("object_kind")) {
				throw new IllegalArgumentException("The body is not a GitLab webhook event: it has no object_kind.");
			}
			event = json.unmarshal(Event.class, tree);
		}
		catch (InvalidTypeIdException ex) {
			return Announced.ignored("tracedoc acts on job and pipeline events only");
		}
		catch (IllegalArgumentException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("The body is not a GitLab webhook event in JSON.", ex);
		}
		if (event instanceof BuildEvent job) {
			return fromJob(job, instance, receivedAt);
		}
		if (event instanceof PipelineEvent pipeline) {
			return fromPipeline(pipeline, instance, receivedAt);
		}
		return Announced.ignored("tracedoc acts on job and pipeline events only");
	}

	private static Announced fromJob(BuildEvent event, GitLabInstance instance, Instant receivedAt) {
		if (!"failed".equals(event.getBuildStatus())) {
			return Announced.ignored("the job did not fail");
		}
		if (event.getProjectId() == null || event.getBuildId() == null) {
			throw new IllegalArgumentException("The job event names no project_id or build_id.");
		}
		String path = pathOf(event.getProject());
		if (instance.optedOut(event.getProjectId(), path)) {
			return Announced.ignored("the project opted out of tracedoc");
		}
		String runner = (event.getRunner() != null) ? event.getRunner().getDescription() : null;
		return new Announced(List
			.of(new FailedJob(instance.name(), event.getProjectId(), path, event.getBuildId(), event.getBuildName(),
					event.getPipelineId(), event.getRef(), event.getSha(), null, runner, receivedAt, 0, null, null)),
				null);
	}

	private static Announced fromPipeline(PipelineEvent event, GitLabInstance instance, Instant receivedAt) {
		if (event.getProject() == null || event.getProject().getId() == null || event.getObjectAttributes() == null) {
			throw new IllegalArgumentException("The pipeline event names no project or pipeline.");
		}
		long projectId = event.getProject().getId();
		String path = pathOf(event.getProject());
		if (instance.optedOut(projectId, path)) {
			return Announced.ignored("the project opted out of tracedoc");
		}
		PipelineEvent.ObjectAttributes pipeline = event.getObjectAttributes();
		Long mergeRequestIid = (event.getMergeRequest() != null) ? event.getMergeRequest().getIid() : null;
		List<Build> builds = (event.getBuilds() != null) ? event.getBuilds() : List.of();
		List<FailedJob> failed = builds.stream()
			.filter((build) -> build.getStatus() == BuildStatus.FAILED && build.getId() != null)
			.map((build) -> new FailedJob(instance.name(), projectId, path, build.getId(), build.getName(),
					pipeline.getId(), pipeline.getRef(), pipeline.getSha(), mergeRequestIid,
					(build.getRunner() != null) ? build.getRunner().getDescription() : null, receivedAt, 0, null, null))
			.toList();
		return failed.isEmpty() ? Announced.ignored("the pipeline has no failed job") : new Announced(failed, null);
	}

	private static String pathOf(EventProject project) {
		return (project != null) ? project.getPathWithNamespace() : null;
	}

	/**
	 * What an event announces.
	 *
	 * @param jobs the failed jobs, none when ignored
	 * @param ignoredBecause why nothing is to be done, else {@code null}
	 */
	record Announced(List<FailedJob> jobs, String ignoredBecause) {

		static Announced ignored(String reason) {
			return new Announced(List.of(), reason);
		}

	}

}
