package io.tracedoc.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network for tests: the hosts that resolve and the ports that accept connections are
 * what the test says, nothing leaves the machine.
 */
final class TestNetwork implements Network {

	private final Map<String, List<InetAddress>> hosts = new HashMap<>();

	private final Set<InetSocketAddress> open = new HashSet<>();

	/**
	 * @param host a host name
	 * @param address the address it resolves to
	 * @param port the port, or {@code 0}
	 * @param accepts whether a TCP connection to it succeeds
	 * @return this network
	 */
	TestNetwork host(String host, String address, int port, boolean accepts) {
		try {
			InetAddress inet = InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress());
			this.hosts.put(host, List.of(inet));
			if (accepts) {
				this.open.add(new InetSocketAddress(inet, port));
			}
			return this;
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	@Override
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		List<InetAddress> addresses = this.hosts.get(host);
		if (addresses == null) {
			throw new UnknownHostException(host);
		}
		return addresses;
	}

	@Override
	public void connect(InetSocketAddress address, Duration timeout) throws IOException {
		if (!this.open.contains(address)) {
			throw new ConnectException("Connection refused");
		}
	}

}
