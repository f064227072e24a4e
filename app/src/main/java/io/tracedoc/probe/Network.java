package io.tracedoc.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How the reachability probe resolves and connects, from wherever tracedoc runs. Tests
 * give it a network of their own; the service uses the JVM's resolver and plain TCP.
 */
interface Network {

	/**
	 * @param host a host name or address
	 * @return its addresses
	 * @throws UnknownHostException when it does not resolve
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException;

	/**
	 * Opens and closes a TCP connection; nothing is sent.
	 * @param address where to connect
	 * @param timeout how long to wait
	 * @throws IOException when no connection is made in time
	 */
	void connect(InetSocketAddress address, Duration timeout) throws IOException;

	/**
	 * @return the network of the machine tracedoc runs on
	 */
	static Network system() {
		return new Network() {

			@Override
			public List<InetAddress> resolve(String host) throws UnknownHostException {
				return Arrays.asList(InetAddress.getAllByName(host));
			}

			@Override
			public void connect(InetSocketAddress address, Duration timeout) throws IOException {
				try (Socket socket = new Socket()) {
					socket.connect(address, (int) timeout.toMillis());
				}
			}

		};
	}

}
