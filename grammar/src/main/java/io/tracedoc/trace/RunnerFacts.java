package io.tracedoc.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects {@link RunnerInfo} from the runner's own lines as they stream past. The
 * formats come from the runner source: {@code common/build.go} (header),
 * {@code executors/kubernetes/*.go} (namespace, image, pod wait) and
 * {@code shells/bash.go} ({@code Running on ... via ...}).
 */
final class RunnerFacts {

	/**
	 * Longer lines are tool output, not runner lines; skipping them keeps the regexes off
	 * huge lines.
	 */
	private static final int MAX_FACT_LINE = 2_000;

	private static final Pattern RUNNING_WITH = Pattern
		.compile("Running with (?:gitlab-runner|gitlab-ci-multi-runner) (\\S+) \\(([0-9a-fA-F]+)\\)\\s*");

	private static final Pattern ON_RUNNER = Pattern
		.compile("\\s*on (.+?) \\(?([A-Za-z0-9_-]+)\\)?(?:, system ID: (\\S+))?\\s*");

	private static final Pattern FEATURE_FLAGS = Pattern.compile("\\s*feature flags: (.+)");

	private static final Pattern PREPARING_EXECUTOR = Pattern.compile("Preparing the \"([^\"]+)\" executor.*");

	private static final Pattern NAMESPACE = Pattern.compile("Using Kubernetes namespace: (\\S+)\\s*");

	private static final Pattern EXECUTOR_IMAGE = Pattern
		.compile("Using (.+?) executor with image (.+?) \\.\\.\\.\\s*");

	private static final Pattern WAITING_FOR_POD = Pattern
		.compile("Waiting for pod ([a-z0-9.-]+)/([a-z0-9.-]+) to be running(?: on the node (\\S+))?, status is \\w+.*");

	private static final Pattern RUNNING_ON = Pattern.compile("Running on (\\S+) via (\\S+?)\\.\\.\\.\\s*");

	private static final Pattern BUILD_POD = Pattern.compile("runner-[a-z0-9]+-project-\\d+-concurrent-[a-z0-9-]+");

	private String version;

	private String revision;

	private String name;

	private String shortToken;

	private String systemId;

	private String executor;

	private String namespace;

	private String image;

	private String pod;

	private String node;

	private String managerHost;

	private final List<String> featureFlags = new ArrayList<>();

	private boolean previousWasRunningWith;

	/**
	 * @param text a line's text
	 * @return {@code true} when the line is the runner's {@code Running with} header
	 */
	boolean observe(String text) {
		boolean afterHeader = this.previousWasRunningWith;
		this.previousWasRunningWith = false;
		if (text.length() > MAX_FACT_LINE) {
			return false;
		}
		String line = text.stripLeading();
		if (line.startsWith("Running with ")) {
			Matcher matcher = RUNNING_WITH.matcher(line);
			if (matcher.matches() && this.version == null) {
				this.version = matcher.group(1);
				this.revision = matcher.group(2);
				this.previousWasRunningWith = true;
				return true;
			}
		}
		else if (afterHeader && line.startsWith("on ")) {
			Matcher matcher = ON_RUNNER.matcher(line);
			if (matcher.matches()) {
				this.name = matcher.group(1);
				this.shortToken = matcher.group(2);
				this.systemId = matcher.group(3);
			}
			this.previousWasRunningWith = true;
		}
		else if (line.startsWith("feature flags: ")) {
			Matcher matcher = FEATURE_FLAGS.matcher(line);
			if (matcher.matches() && this.featureFlags.isEmpty()) {
				for (String flag : matcher.group(1).split(",")) {
					if (!flag.isBlank()) {
						this.featureFlags.add(flag.strip());
					}
				}
			}
		}
		else if (line.startsWith("Preparing the \"")) {
			first(PREPARING_EXECUTOR, line, (m) -> this.executor = orElse(this.executor, m.group(1)));
		}
		else if (line.startsWith("Using Kubernetes namespace: ")) {
			first(NAMESPACE, line, (m) -> this.namespace = orElse(this.namespace, m.group(1)));
		}
		else if (line.startsWith("Using ") && line.contains(" executor with image ")) {
			first(EXECUTOR_IMAGE, line, (m) -> {
				this.image = orElse(this.image, m.group(2));
				if (this.executor == null) {
					this.executor = m.group(1).toLowerCase().replace(' ', '-');
				}
			});
		}
		else if (line.startsWith("Waiting for pod ")) {
			first(WAITING_FOR_POD, line, (m) -> {
				this.namespace = orElse(this.namespace, m.group(1));
				this.pod = orElse(this.pod, m.group(2));
				if (m.group(3) != null && !m.group(3).startsWith("<")) {
					this.node = orElse(this.node, m.group(3));
				}
			});
		}
		else if (line.startsWith("Running on ")) {
			first(RUNNING_ON, line, (m) -> {
				if (BUILD_POD.matcher(m.group(1)).matches() || this.namespace != null) {
					this.pod = orElse(this.pod, m.group(1));
				}
				this.managerHost = orElse(this.managerHost, m.group(2));
			});
		}
		return false;
	}

	RunnerInfo info() {
		String effectiveExecutor = this.executor;
		if (effectiveExecutor == null && (this.namespace != null || this.pod != null)) {
			effectiveExecutor = "kubernetes";
		}
		return new RunnerInfo(this.version, this.revision, this.name, this.shortToken, this.systemId, effectiveExecutor,
				this.namespace, this.image, this.pod, this.node, this.managerHost, this.featureFlags);
	}

	private static void first(Pattern pattern, String line, java.util.function.Consumer<Matcher> action) {
		Matcher matcher = pattern.matcher(line);
		if (matcher.matches()) {
			action.accept(matcher);
		}
	}

	private static String orElse(String existing, String found) {
		return (existing != null) ? existing : found;
	}

}
