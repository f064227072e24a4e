package io.tracedoc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a log named on the command line: a file, or {@code -} for standard input.
 */
final class LogInput {

	private LogInput() {
	}

	static InputStream open(String name) {
		if ("-".equals(name)) {
			return System.in;
		}
		Path path = Path.of(name);
		if (Files.isDirectory(path)) {
			throw new UnreadableInputException(name + " is a directory, not a log file", null);
		}
		try {
			return Files.newInputStream(path);
		}
		catch (NoSuchFileException ex) {
			throw new UnreadableInputException(name + ": no such file", ex);
		}
		catch (AccessDeniedException ex) {
			throw new UnreadableInputException(name + ": permission denied", ex);
		}
		catch (IOException ex) {
			throw new UnreadableInputException(name + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	static <T> T read(String name, LogReader<T> reader) {
		try (InputStream in = open(name)) {
			return reader.read(in);
		}
		catch (IOException ex) {
			throw new UnreadableInputException(name + ": reading failed (" + ex.getMessage() + ")", ex);
		}
	}

	@FunctionalInterface
	interface LogReader<T> {

		T read(InputStream in) throws IOException;

	}

}
