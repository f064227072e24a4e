package io.tracedoc.probe;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Node;
import io.tracedoc.probe.RunnerReleases.Release;
import tools.jackson.databind.JsonNode;

/**
 * The helper image the runner uses (from the log, else its config.toml) against the
 * architectures of the nodes: a helper built for x86_64 cannot start on an arm64 node.
 * The image's architecture is read from its tag ({@code x86_64-v17.0.0},
 * {@code ubuntu-arm64-...}); a tag without one leaves it unobserved.
 */
final class HelperImageProbe implements Probe {

	private static final Pattern ARCHITECTURE = Pattern
		.compile("(?:^|-)(x86_64|amd64|arm64|aarch64|arm|s390x|ppc64le|riscv64)(?:-|$)");

	private static final Map<String, String> ALIASES = Map.of("x86_64", "amd64", "aarch64", "arm64");

	@Override
	public String id() {
		return "helper-image";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		Observation.Builder observation = new Observation.Builder();
		TreeSet<String> architectures = new TreeSet<>();
		for (Node node : cluster.list(Node.class, null)) {
			String architecture = architecture(node);
			architectures.add(architecture);
			observation.evidence("Node " + node.getMetadata().getName() + ": " + architecture);
		}
		observation.put("node-architectures", List.copyOf(architectures));
		Optional<String> configured = configuredHelperImage(cluster, arguments.optional("namespace"), observation);
		Optional<String> image = arguments.optional("image").or(() -> configured);
		Optional<String> imageArchitecture = image.flatMap(HelperImageProbe::architecture);
		imageArchitecture.ifPresent((arch) -> observation.put("image-architecture", arch));
		// without a node (a cluster whose nodes tracedoc cannot see, or a bare API
		// server),
		// or with one of unknown architecture that might be it, a mismatch is not
		// observed
		if (imageArchitecture.isPresent() && !architectures.isEmpty()
				&& !(architectures.contains("unknown") && !architectures.contains(imageArchitecture.get()))) {
			observation.put("architecture-mismatch", !architectures.contains(imageArchitecture.get()));
		}
		String summary = image
			.map((i) -> "helper image " + i
					+ imageArchitecture.map((arch) -> " is built for " + arch)
						.orElse(" names no architecture in its tag"))
			.orElse("the log and the runner's config.toml name no helper image");
		return observation.summary(summary + (architectures.isEmpty() ? "; there is no node to compare it with"
				: "; the nodes are " + String.join(", ", architectures)));
	}

	private static Optional<String> configuredHelperImage(ClusterView cluster, Optional<String> namespace,
			Observation.Builder observation) {
		List<Release> releases;
		try {
			releases = RunnerReleases.find(cluster, namespace);
		}
		catch (NotCheckable ex) {
			observation.evidence("config.toml: " + ex.getMessage());
			return Optional.empty();
		}
		Release release = releases.get(0);
		Optional<String> image = release.setting("helper_image")
			.filter(JsonNode::isString)
			.map(JsonNode::asString)
			.filter((value) -> !value.isEmpty());
		observation.put("configured-helper-image", image.orElse("none"))
			.evidence("ConfigMap " + release.describe() + ": helper_image "
					+ image.map((i) -> "= " + i).orElse("is not set (the runner picks its own)"));
		return image;
	}

	private static String architecture(Node node) {
		if (node.getStatus() != null && node.getStatus().getNodeInfo() != null
				&& node.getStatus().getNodeInfo().getArchitecture() != null) {
			return node.getStatus().getNodeInfo().getArchitecture();
		}
		return Objects.requireNonNullElse(node.getMetadata().getLabels(), Map.<String, String>of())
			.getOrDefault("kubernetes.io/arch", "unknown");
	}

	static Optional<String> architecture(String image) {
		int slash = image.lastIndexOf('/');
		int colon = image.indexOf(':', Math.max(slash, 0));
		if (colon < 0) {
			return Optional.empty();
		}
		Matcher matcher = ARCHITECTURE.matcher(image.substring(colon + 1).toLowerCase(Locale.ROOT));
		return matcher.find() ? Optional.of(ALIASES.getOrDefault(matcher.group(1), matcher.group(1)))
				: Optional.empty();
	}

}
