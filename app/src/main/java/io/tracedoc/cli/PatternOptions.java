package io.tracedoc.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoadException;
import io.tracedoc.pattern.PatternLoader;
import picocli.CommandLine.Option;

/**
 * The {@code --patterns DIR} option shared by the commands that apply the pattern
 * library.
 */
final class PatternOptions {

	@Option(names = "--patterns", paramLabel = "DIR",
			description = "a pattern library directory laid out like patterns/ (default: the library in the jar)")
	private Path directory;

	PatternCatalog load() {
		if (this.directory == null) {
			return PatternLoader.loadBundled();
		}
		if (!Files.isDirectory(this.directory)) {
			throw new UnreadableInputException(this.directory + " is not a pattern library directory", null);
		}
		try {
			return PatternLoader.loadDirectory(this.directory);
		}
		catch (PatternLoadException ex) {
			throw new UnreadableInputException(ex.getMessage(), ex);
		}
	}

}
