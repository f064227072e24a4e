package io.tracedoc.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes kubeconfig files for tests, pointing at a mock API server or a closed port.
 */
public final class TestKubeconfig {

	private TestKubeconfig() {
	}

	/**
	 * @param directory where to write it
	 * @param server the API server's URL
	 * @param context the name of its only context (also its current context)
	 * @return the file
	 */
	public static Path write(Path directory, String server, String context) {
		String yaml = """
				apiVersion: v1
				kind: Config
				clusters:
				  - name: test
				    cluster:
				      server: %s
				      insecure-skip-tls-verify: true
				users:
				  - name: tracedoc
				    user:
				      token: test-token
				contexts:
				  - name: %s
				    context:
				      cluster: test
				      user: tracedoc
				      namespace: default
				current-context: %s
				""".formatted(server, context, context);
		try {
			return Files.writeString(Files.createDirectories(directory).resolve(context + ".kubeconfig"), yaml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
