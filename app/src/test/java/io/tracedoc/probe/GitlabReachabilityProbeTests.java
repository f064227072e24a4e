package io.tracedoc.probe;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link GitlabReachabilityProbe}, on the machine's own loopback network and on
 * a test network.
 */
class GitlabReachabilityProbeTests {

	private final GitlabReachabilityProbe probe = new GitlabReachabilityProbe(Network.system(), Duration.ofSeconds(2));

	@Test
	void connectsToAListeningPortAndSaysItIsTracedocsOwnView() throws IOException {
		try (ServerSocket listening = new ServerSocket(0)) {
			Observation observation = observe(this.probe, "127.0.0.1", String.valueOf(listening.getLocalPort()));
			assertThat(observation.observed()).containsEntry("resolves", true).containsEntry("connects", true);
			assertThat(observation.summary()).endsWith("from tracedoc's own network, not the build pod's");
		}
	}

	@Test
	void saysNoConnectionWasMadeToAClosedPort() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		Observation observation = observe(this.probe, "127.0.0.1", String.valueOf(closed));
		assertThat(observation.observed()).containsEntry("connects", false);
		assertThat(observation.summary()).contains("no TCP connection to port " + closed)
			.endsWith("from tracedoc's own network, not the build pod's");
	}

	@Test
	void saysAHostThatDoesNotResolveDoesNotResolve() {
		Observation observation = observe(new GitlabReachabilityProbe(new TestNetwork(), Duration.ofSeconds(1)),
				"gitlab.internal.example", "");
		assertThat(observation.observed()).containsExactly(Map.entry("resolves", false));
	}

	@Test
	void takesThePortFromAUrlOrHostAndPortUnlessTheArgumentGivesIt() {
		assertThat(GitlabReachabilityProbe.HostPort.parse("https://gitlab.example.com/group/project.git", ""))
			.isEqualTo(new GitlabReachabilityProbe.HostPort("gitlab.example.com", 443));
		assertThat(GitlabReachabilityProbe.HostPort.parse("http://gitlab.example.com:8080", ""))
			.isEqualTo(new GitlabReachabilityProbe.HostPort("gitlab.example.com", 8080));
		assertThat(GitlabReachabilityProbe.HostPort.parse("10.0.0.1:6443", ""))
			.isEqualTo(new GitlabReachabilityProbe.HostPort("10.0.0.1", 6443));
		assertThat(GitlabReachabilityProbe.HostPort.parse("gitlab.example.com", "22"))
			.isEqualTo(new GitlabReachabilityProbe.HostPort("gitlab.example.com", 22));
		assertThatExceptionOfType(NotCheckable.class)
			.isThrownBy(() -> GitlabReachabilityProbe.HostPort.parse("gitlab.example.com", "99999"))
			.withMessage("\"gitlab.example.com\" port \"99999\" is no host and TCP port");
	}

	private static Observation observe(GitlabReachabilityProbe probe, String host, String port) {
		return probe.observe(ProbeArguments.of(Map.of("host", host, "port", port)), null);
	}

}
