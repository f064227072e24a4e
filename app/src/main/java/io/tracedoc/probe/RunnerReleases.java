package io.tracedoc.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The gitlab-runner Helm releases in the cluster, read from the ConfigMap the chart
 * renders ({@code config.toml} for the global settings, {@code config.template.toml} for
 * the runner's {@code runners.config} values) and the Deployment that runs the runner
 * manager. Settings the chart passes as registration flags or environment variables are
 * not in these files.
 */
final class RunnerReleases {

	private static final TomlMapper TOML = new TomlMapper();

	/** Labels Helm puts on every object of a release. */
	private static final Map<String, String> HELM = Map.of("heritage", "Helm");

	private static final List<String> FILES = List.of("config.template.toml", "config.toml");

	private RunnerReleases() {
	}

	/**
	 * Finds the release that runs the jobs of a namespace: the one whose config names
	 * that namespace, else the one installed in it, else the only one in the cluster.
	 * @param cluster the cluster
	 * @param jobNamespace the namespace the jobs run in, when the log says
	 * @return the releases that may serve the job (several when they cannot be told
	 * apart)
	 * @throws NotCheckable when no release is found
	 */
	static List<Release> find(ClusterView cluster, Optional<String> jobNamespace) {
		List<Release> releases = new ArrayList<>();
		for (ConfigMap configMap : cluster.list(ConfigMap.class, null, HELM, null)) {
			Map<String, String> labels = Objects.requireNonNullElse(configMap.getMetadata().getLabels(), Map.of());
			Map<String, String> data = Objects.requireNonNullElse(configMap.getData(), Map.of());
			if (labels.getOrDefault("chart", "").startsWith("gitlab-runner") && data.containsKey("config.toml")) {
				releases.add(Release.of(configMap));
			}
		}
		if (releases.isEmpty()) {
			throw new NotCheckable(
					"no gitlab-runner Helm release was found (a ConfigMap labelled heritage=Helm, chart=gitlab-runner-*)");
		}
		if (jobNamespace.isEmpty()) {
			return releases;
		}
		String namespace = jobNamespace.get();
		List<Release> configured = releases.stream().filter((r) -> r.runsJobsIn().contains(namespace)).toList();
		if (!configured.isEmpty()) {
			return configured;
		}
		List<Release> installedThere = releases.stream()
			.filter((r) -> r.namespace().equals(namespace) && r.runsJobsIn().isEmpty())
			.toList();
		if (!installedThere.isEmpty()) {
			return installedThere;
		}
		if (releases.size() == 1) {
			return releases;
		}
		throw new NotCheckable("none of the gitlab-runner releases ("
				+ String.join(", ", releases.stream().map(Release::describe).toList())
				+ ") is configured for namespace " + namespace);
	}

	/**
	 * @param cluster the cluster
	 * @param release a release
	 * @return the service account the runner manager talks to the API as: its
	 * Deployment's
	 */
	static Optional<String> managerServiceAccount(ClusterView cluster, Release release) {
		return cluster.list(Deployment.class, release.namespace(), Map.of("release", release.release()), null)
			.stream()
			.filter((deployment) -> Objects
				.requireNonNullElse(deployment.getMetadata().getLabels(), Map.<String, String>of())
				.getOrDefault("chart", "")
				.startsWith("gitlab-runner"))
			.map((deployment) -> Objects
				.requireNonNullElse(deployment.getSpec().getTemplate().getSpec().getServiceAccountName(), "default"))
			.findFirst();
	}

	/**
	 * One release's runner configuration.
	 *
	 * @param namespace where the release is installed
	 * @param configMap the ConfigMap's name
	 * @param release the Helm release name
	 * @param documents the parsed files, {@code config.template.toml} first
	 */
	record Release(String namespace, String configMap, String release, List<JsonNode> documents) {

		static Release of(ConfigMap configMap) {
			String namespace = configMap.getMetadata().getNamespace();
			String name = configMap.getMetadata().getName();
			List<JsonNode> documents = new ArrayList<>();
			for (String file : FILES) {
				String text = configMap.getData().get(file);
				if (text == null) {
					continue;
				}
				try {
					documents.add(TOML.readTree(text));
				}
				catch (JacksonException ex) {
					throw new NotCheckable(file + " of ConfigMap " + namespace + "/" + name + " is not valid TOML: "
							+ ex.getOriginalMessage());
				}
			}
			return new Release(namespace, name,
					configMap.getMetadata().getLabels().getOrDefault("release", configMap.getMetadata().getName()),
					List.copyOf(documents));
		}

		/**
		 * Looks a setting up where config.toml may hold it: in a runner's
		 * {@code [runners.kubernetes]} table, in the {@code [[runners]]} entry itself, or
		 * at the top level ({@code session_server.listen_address}).
		 * @param path the setting, dotted for nested tables ({@code volumes.empty_dir})
		 * @return its value, when set
		 */
		Optional<JsonNode> setting(String path) {
			for (JsonNode document : this.documents) {
				for (JsonNode runner : document.path("runners")) {
					for (JsonNode table : List.of(runner.path("kubernetes"), runner)) {
						JsonNode value = at(table, path);
						if (!value.isMissingNode()) {
							return Optional.of(value);
						}
					}
				}
				JsonNode value = at(document, path);
				if (!value.isMissingNode()) {
					return Optional.of(value);
				}
			}
			return Optional.empty();
		}

		/** The namespaces the release's runners put their jobs in, when configured. */
		List<String> runsJobsIn() {
			List<String> namespaces = new ArrayList<>();
			for (JsonNode document : this.documents) {
				for (JsonNode runner : document.path("runners")) {
					JsonNode namespace = runner.path("kubernetes").path("namespace");
					if (namespace.isString() && !namespace.asString().isEmpty()) {
						namespaces.add(namespace.asString());
					}
				}
			}
			return namespaces;
		}

		String describe() {
			return this.namespace + "/" + this.configMap;
		}

		private static JsonNode at(JsonNode table, String path) {
			JsonNode node = table;
			for (String part : path.split("\\.")) {
				node = node.path(part);
			}
			return node;
		}

	}

}
