package io.tracedoc.pattern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small pattern libraries into a directory for tests: each pattern gets valid
 * boilerplate, the test says what matters (its match block, examples, fix).
 */
public final class TestLibrary {

	private final Path root;

	public TestLibrary(Path root) {
		this.root = root;
	}

	/**
	 * Writes a pattern file.
	 * @param category the category directory
	 * @param id the pattern id
	 * @param body YAML after the boilerplate: at least {@code match:}; {@code fix:} and
	 * {@code examples:} are added when missing
	 * @return this library
	 */
	public TestLibrary pattern(String category, String id, String body) {
		StringBuilder yaml = new StringBuilder();
		yaml.append("id: ").append(id).append('\n');
		yaml.append("name: Test – ").append(id).append('\n');
		yaml.append("category: ").append(category).append('\n');
		if (!body.contains("summary:")) {
			yaml.append("summary: '").append(id).append(" happened'\n");
		}
		yaml.append("description: A pattern written by a test to check one behaviour.\n");
		yaml.append("remediation: Nothing, it is a test.\n");
		if (!body.contains("severity:")) {
			yaml.append("severity: high\n");
		}
		if (!body.contains("confidence:")) {
			yaml.append("confidence: high\n");
		}
		if (!body.contains("maturity:")) {
			yaml.append("maturity: stable\n");
		}
		yaml.append("tags: [test]\n");
		yaml.append("references: [https://docs.gitlab.com/runner/]\n");
		yaml.append(body.stripTrailing()).append('\n');
		if (!body.contains("\nfix:") && !body.startsWith("fix:")) {
			yaml.append("fix:\n  - kind: text\n    title: Do the thing\n    content: the thing\n");
		}
		if (!body.contains("examples:")) {
			yaml.append("examples:\n  - name: a log\n    expect: match\n    log: x\n"
					+ "  - name: another log\n    expect: no-match\n    log: y\n");
		}
		return write(category + "/" + id + ".yaml", yaml.toString());
	}

	/**
	 * @param relative path under the library root
	 * @param content file content
	 * @return this library
	 */
	public TestLibrary write(String relative, String content) {
		try {
			Path file = this.root.resolve(relative);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the library, loaded and checked
	 */
	public PatternCatalog load() {
		return PatternLoader.loadDirectory(this.root);
	}

}
