package io.tracedoc.trace;

import java.util.List;

/**
 * What the log tells about the runner and where it ran the job. Every field is
 * {@code null} (or empty) when the log does not say.
 *
 * @param version the runner version ({@code 17.5.0}, {@code 16.6.0~beta.105.gd2263193})
 * @param revision the runner's short git revision
 * @param name the runner's name from the {@code on <name> <token>} line
 * @param shortToken the runner's short token
 * @param systemId the runner's system ID ({@code s_0123456789ab}), 15.8 and later
 * @param executor the executor named in {@code Preparing the "<executor>" executor}
 * @param namespace the Kubernetes namespace the build pod runs in
 * @param image the job image the executor announced
 * @param pod the build pod's name
 * @param node the node the pod was scheduled on, when the runner printed it
 * @param managerHost the host name of the runner manager, from
 * {@code Running on <pod> via <host>...}
 * @param featureFlags the feature flags the runner listed as set
 */
public record RunnerInfo(String version, String revision, String name, String shortToken, String systemId,
		String executor, String namespace, String image, String pod, String node, String managerHost,
		List<String> featureFlags) {

	public RunnerInfo {
		featureFlags = List.copyOf(featureFlags);
	}

	/**
	 * @return {@code true} when the job ran on the Kubernetes executor
	 */
	public boolean kubernetes() {
		return "kubernetes".equals(this.executor) || this.namespace != null || this.pod != null;
	}

}
