package io.tracedoc.diagnosis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;

/**
 * The real diagnosis path for web tests: the bundled pattern library, the in-memory
 * store, and no probe phase, so a diagnosis is exactly what the engine (and
 * {@code tracedoc diagnose --json}) makes of a log.
 */
final class TestDiagnoses {

	static final PatternCatalog CATALOG = PatternLoader.loadBundled();

	static final DiagnosisEngine ENGINE = new DiagnosisEngine(CATALOG);

	static final Path EXAMPLES = Path.of("../grammar/src/test/resources/examples");

	private TestDiagnoses() {
	}

	/**
	 * @param maxLogBytes the largest log accepted
	 * @return a service that keeps its diagnoses in memory and probes nothing
	 */
	static DiagnosisService service(long maxLogBytes) {
		return new DiagnosisService(ENGINE, (diagnosis, context) -> diagnosis, new InMemoryDiagnosisStore(100, 100_000),
				(event) -> {
				}, maxLogBytes);
	}

	/**
	 * @param name a file of the grammar's examples
	 * @return its bytes
	 */
	static byte[] example(String name) {
		try {
			return Files.readAllBytes(EXAMPLES.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
