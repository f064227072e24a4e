package io.tracedoc.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tracedoc.pattern.Category;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A folder of job logs with a {@code manifest.yaml} that labels each with the root cause
 * its source settled on. Every log of the folder must be in the manifest and every entry
 * must name a log of the folder and a category of the taxonomy: a corpus that silently
 * skips logs would flatter the figures.
 *
 * @param directory the folder
 * @param logs the labelled logs, in manifest order
 */
public record LabelledCorpus(Path directory, List<LabelledLog> logs) {

	/** The manifest's name inside the folder. */
	public static final String MANIFEST = "manifest.yaml";

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	public LabelledCorpus {
		logs = List.copyOf(logs);
	}

	/**
	 * @param directory a folder holding {@code manifest.yaml} and the logs it names
	 * @return the corpus
	 * @throws CorpusException when the manifest is missing or malformed, names a file
	 * that is not there or a category that is not in the taxonomy, or a log of the folder
	 * is not in it
	 */
	public static LabelledCorpus read(Path directory) {
		Path manifest = directory.resolve(MANIFEST);
		if (!Files.isRegularFile(manifest)) {
			throw new CorpusException(directory + " has no " + MANIFEST);
		}
		List<Entry> entries;
		try (InputStream in = Files.newInputStream(manifest)) {
			entries = YAML.readValue(in, new TypeReference<List<Entry>>() {
			});
		}
		catch (IOException | JacksonException ex) {
			throw new CorpusException(manifest + " cannot be read: " + ex.getMessage());
		}
		if (entries == null || entries.isEmpty()) {
			throw new CorpusException(manifest + " lists no log");
		}
		List<LabelledLog> logs = new ArrayList<>();
		Set<String> named = new HashSet<>();
		for (Entry entry : entries) {
			logs.add(entry.toLog(directory, manifest));
			if (!named.add(entry.file())) {
				throw new CorpusException(manifest + " lists " + entry.file() + " twice");
			}
		}
		List<String> unlisted = logFiles(directory).stream().filter((name) -> !named.contains(name)).toList();
		if (!unlisted.isEmpty()) {
			throw new CorpusException(manifest + " does not label " + String.join(", ", unlisted));
		}
		return new LabelledCorpus(directory, logs);
	}

	private static List<String> logFiles(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((path) -> path.getFileName().toString())
				.filter((name) -> name.endsWith(".log"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new CorpusException(directory + " cannot be listed: " + ex.getMessage());
		}
	}

	/** A manifest entry as written; {@link #toLog} checks it. */
	@JsonIgnoreProperties(ignoreUnknown = false)
	record Entry(String file, String source, String label, String cause, String settled, String executor,
			String shape) {

		LabelledLog toLog(Path directory, Path manifest) {
			if (this.file == null || this.file.isBlank()) {
				throw new CorpusException(manifest + ": an entry has no file");
			}
			String where = manifest + ", " + this.file + ": ";
			if (this.file.contains("/") || !Files.isRegularFile(directory.resolve(this.file))) {
				throw new CorpusException(where + "no such log in " + directory);
			}
			Category category = Category.fromId(String.valueOf(this.label))
				.orElseThrow(() -> new CorpusException(where + "label " + this.label + " is not in the taxonomy"));
			if (category == Category.UNKNOWN) {
				throw new CorpusException(where + "a field log is labelled with its root cause, never unknown");
			}
			if (this.source == null || !this.source.startsWith("http")) {
				throw new CorpusException(where + "source must be the public address the log was taken from");
			}
			return new LabelledLog(this.file, category, this.source, String.valueOf(this.cause),
					String.valueOf(this.executor), String.valueOf(this.shape));
		}

	}

	/**
	 * One log of the corpus.
	 *
	 * @param file its name in the folder
	 * @param label the category of the root cause its source settled on
	 * @param source where it was posted
	 * @param cause the root cause in a sentence
	 * @param executor the runner's executor
	 * @param shape what was posted: fragment, full, ui-copy, tail, raw
	 */
	public record LabelledLog(String file, Category label, String source, String cause, String executor, String shape) {

	}

	/** The corpus cannot be used as it is. */
	public static final class CorpusException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		CorpusException(String message) {
			super(message);
		}

	}

}
