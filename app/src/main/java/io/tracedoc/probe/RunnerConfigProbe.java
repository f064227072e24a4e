package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tracedoc.diagnosis.Redactor;
import io.tracedoc.probe.RunnerReleases.Release;
import tools.jackson.databind.JsonNode;

/**
 * A setting of the runner's config.toml (host_aliases, helper_image, namespace,
 * service_account, privileged, dns_config, ca_file ...), read from the gitlab-runner Helm
 * release that runs the job's namespace. A setting counts as present when it has a value
 * other than false, "" or an empty table; the value of a credential is never shown.
 */
final class RunnerConfigProbe implements Probe {

	private static final Pattern CREDENTIAL = Pattern.compile("(?i)token|password|secret|access_?key");

	@Override
	public String id() {
		return "runner-config";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		String setting = arguments.required("setting", "the setting");
		List<Release> releases = RunnerReleases.find(cluster, arguments.optional("namespace"));
		Observation.Builder observation = new Observation.Builder();
		List<String> answers = new ArrayList<>();
		for (Release release : releases) {
			Optional<JsonNode> value = release.setting(setting);
			boolean present = value.isPresent() && present(value.get());
			String text = value.map((node) -> text(setting, node)).orElse(null);
			answers.add(present + "=" + text);
			observation.evidence("ConfigMap " + release.describe() + " (release " + release.release() + "): " + setting
					+ ((text != null) ? " = " + text : " is not set"));
			if (answers.size() == 1) {
				observation.put("present", present).put("value", text).put("release", release.describe());
			}
		}
		if (answers.stream().distinct().count() > 1) {
			throw new NotCheckable("the gitlab-runner releases that may run this job disagree on " + setting + ": "
					+ String.join(", ", releases.stream().map(Release::describe).toList()));
		}
		Release release = releases.get(0);
		Optional<JsonNode> value = release.setting(setting);
		return observation.summary("config.toml of release " + release.release() + " (" + release.describe() + ") "
				+ (value.isPresent() && present(value.get()) ? "sets " + setting + " = " + text(setting, value.get())
						: "does not set " + setting
								+ value.map((node) -> " (it is " + text(setting, node) + ")").orElse("")));
	}

	private static boolean present(JsonNode value) {
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isString()) {
			return !value.asString().isEmpty();
		}
		if (value.isContainer()) {
			return !value.isEmpty();
		}
		return !value.isNull();
	}

	private static String text(String setting, JsonNode value) {
		if (CREDENTIAL.matcher(setting).find()) {
			return Redactor.REDACTED;
		}
		return value.isString() ? value.asString() : value.toString();
	}

}
