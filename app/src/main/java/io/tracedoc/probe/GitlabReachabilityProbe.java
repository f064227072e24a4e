package io.tracedoc.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/**
 * Can tracedoc itself resolve the host and open a TCP connection to it? This is the
 * service's own view, from where it runs, not the build pod's: a build pod has its own
 * DNS settings, host aliases and network policies. Every reason says so.
 */
final class GitlabReachabilityProbe implements Probe {

	private static final String VIEW = "from tracedoc's own network, not the build pod's";

	private final Network network;

	private final Duration timeout;

	GitlabReachabilityProbe(Network network, Duration timeout) {
		this.network = network;
		this.timeout = timeout;
	}

	@Override
	public String id() {
		return "gitlab-reachability";
	}

	@Override
	public Observation observe(ProbeArguments arguments, ClusterView cluster) {
		HostPort target = HostPort.parse(arguments.required("host", "the host"), arguments.optional("port").orElse(""));
		Observation.Builder observation = new Observation.Builder();
		List<InetAddress> addresses;
		try {
			addresses = this.network.resolve(target.host());
		}
		catch (UnknownHostException ex) {
			return observation.put("resolves", false)
				.evidence("DNS " + target.host() + ": no address (" + VIEW + ")")
				.summary(target.host() + " does not resolve " + VIEW);
		}
		List<String> texts = addresses.stream().map(InetAddress::getHostAddress).toList();
		observation.put("resolves", true)
			.put("addresses", texts)
			.evidence("DNS " + target.host() + ": " + String.join(", ", texts) + " (" + VIEW + ")");
		for (InetAddress address : addresses) {
			try {
				this.network.connect(new InetSocketAddress(address, target.port()), this.timeout);
				return observation.put("connects", true)
					.evidence("TCP " + address.getHostAddress() + ":" + target.port() + ": connected")
					.summary(target.host() + ":" + target.port() + " resolves and accepts TCP connections " + VIEW);
			}
			catch (IOException ex) {
				observation.evidence("TCP " + address.getHostAddress() + ":" + target.port() + ": "
						+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()));
			}
		}
		return observation.put("connects", false)
			.summary(target.host() + " resolves, but no TCP connection to port " + target.port() + " was made within "
					+ this.timeout.toMillis() + " ms " + VIEW);
	}

	/**
	 * Where to connect: the host may come as a URL or as {@code host:port}.
	 *
	 * @param host the host name or address
	 * @param port the TCP port
	 */
	record HostPort(String host, int port) {

		static HostPort parse(String host, String port) {
			try {
				String value = host;
				int defaultPort = 443;
				if (value.contains("://")) {
					URI uri = URI.create(value);
					if (uri.getHost() == null) {
						throw new IllegalArgumentException(value);
					}
					defaultPort = "http".equals(uri.getScheme()) ? 80 : 443;
					value = (uri.getPort() > 0) ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
				}
				int colon = value.lastIndexOf(':');
				if (colon > 0 && value.indexOf(':') == colon) {
					defaultPort = Integer.parseInt(value.substring(colon + 1));
					value = value.substring(0, colon);
				}
				if (value.startsWith("[") && value.endsWith("]")) {
					value = value.substring(1, value.length() - 1);
				}
				int number = port.isEmpty() ? defaultPort : Integer.parseInt(port);
				if (value.isEmpty() || number < 1 || number > 65535) {
					throw new IllegalArgumentException();
				}
				return new HostPort(value, number);
			}
			catch (IllegalArgumentException ex) {
				throw new NotCheckable(
						"\"" + host + ((port.isEmpty()) ? "" : "\" port \"" + port) + "\" is no host and TCP port");
			}
		}

	}

}
