package io.tracedoc.pattern;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tracedoc.pattern.FailurePattern.CaptureSpec;
import io.tracedoc.pattern.FailurePattern.Condition;
import io.tracedoc.pattern.FailurePattern.Expectation;
import io.tracedoc.pattern.FailurePattern.FixKind;
import io.tracedoc.pattern.FailurePattern.FixTemplate;
import io.tracedoc.pattern.FailurePattern.Level;
import io.tracedoc.pattern.FailurePattern.MatchSpec;
import io.tracedoc.pattern.FailurePattern.Maturity;
import io.tracedoc.pattern.FailurePattern.PatternExample;
import io.tracedoc.pattern.FailurePattern.ProbeSpec;
import io.tracedoc.pattern.FailurePattern.Severity;
import io.tracedoc.trace.Outcome;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the pattern library: every {@code <category>/<id>.yaml}, checked first against
 * {@code schema/pattern.schema.json} and then for meaning (ids, categories, regexes,
 * templates, probes, examples). Every problem of every file is collected and reported
 * together, each naming the file and the field, so an author fixes them in one go.
 */
public final class PatternLoader {

	/**
	 * Variables every template may use besides its captures: facts from the trace model.
	 */
	public static final Set<String> FACTS = Set.of("runner.version", "runner.revision", "runner.name",
			"runner.executor", "runner.namespace", "runner.image", "runner.pod", "runner.node", "runner.manager",
			"job.failing_section", "job.exit_code");

	/**
	 * The prefix of the variables a fix may use for what a probe observed:
	 * {@code {{probe.rbac-bindings.bound-namespace}}} is the {@code bound-namespace}
	 * field observed by the pattern's {@code rbac-bindings} check.
	 */
	public static final String PROBE_VARIABLE_PREFIX = "probe.";

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final LibraryFiles source;

	private final List<PatternProblem> problems = new ArrayList<>();

	private final Map<String, ProbeDeclaration> probes;

	private final Schema schema;

	private PatternLoader(LibraryFiles source) {
		this.source = source;
		this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(new String(source.read("schema/pattern.schema.json"), StandardCharsets.UTF_8));
		this.probes = ProbeDeclaration.parse(source.read("schema/probes.yaml"));
	}

	/**
	 * Loads the library packaged with tracedoc (the {@code patterns} module on the class
	 * path).
	 * @return the checked catalog
	 * @throws PatternLoadException when any pattern has a problem
	 */
	public static PatternCatalog loadBundled() {
		return new PatternLoader(new ClasspathFiles()).load();
	}

	/**
	 * Loads a library from a directory laid out like {@code patterns/}; the schema and
	 * probe declarations are taken from the directory when it has them, else from the
	 * bundled library.
	 * @param directory the library's root
	 * @return the checked catalog
	 * @throws PatternLoadException when any pattern has a problem
	 */
	public static PatternCatalog loadDirectory(Path directory) {
		return new PatternLoader(new DirectoryFiles(directory)).load();
	}

	private PatternCatalog load() {
		List<FailurePattern> patterns = new ArrayList<>();
		for (String file : this.source.patternFiles()) {
			FailurePattern pattern = loadFile(file);
			if (pattern != null) {
				patterns.add(pattern);
			}
		}
		checkAcrossFiles(patterns);
		if (!this.problems.isEmpty()) {
			throw new PatternLoadException(this.problems);
		}
		return new PatternCatalog(patterns, this.probes);
	}

	private FailurePattern loadFile(String file) {
		JsonNode root;
		try {
			root = YAML.readTree(this.source.read(file));
		}
		catch (RuntimeException ex) {
			problem(file, "", "is not valid YAML: " + firstLine(ex.getMessage()));
			return null;
		}
		if (root == null || !root.isObject()) {
			problem(file, "", "must be a YAML mapping with the pattern's fields");
			return null;
		}
		List<Error> errors = this.schema.validate(root);
		if (!errors.isEmpty()) {
			for (Error error : errors) {
				String pointer = error.getInstanceLocation().toString();
				String message = error.getMessage();
				if (message.startsWith(pointer + ": ")) {
					message = message.substring(pointer.length() + 2);
				}
				problem(file, field(pointer), message);
			}
			return null;
		}
		return new FileReader(file, root).read();
	}

	private void checkAcrossFiles(List<FailurePattern> patterns) {
		Map<String, String> seen = new HashMap<>();
		for (FailurePattern pattern : patterns) {
			String previous = seen.putIfAbsent(pattern.id(), pattern.source());
			if (previous != null) {
				problem(pattern.source(), "id", "\"" + pattern.id() + "\" is already used by " + previous);
			}
		}
		for (FailurePattern pattern : patterns) {
			for (int i = 0; i < pattern.supersedes().size(); i++) {
				if (!seen.containsKey(pattern.supersedes().get(i))) {
					problem(pattern.source(), "supersedes[" + i + "]",
							"names \"" + pattern.supersedes().get(i) + "\", which is no pattern");
				}
			}
		}
	}

	private void problem(String file, String field, String message) {
		this.problems.add(new PatternProblem(file, field, message));
	}

	/** {@code /match/all/0/regex} (a JSON pointer) as {@code match.all[0].regex}. */
	private static String field(String pointer) {
		StringBuilder field = new StringBuilder();
		for (String part : pointer.split("/")) {
			if (part.isEmpty() || part.equals("$")) {
				continue;
			}
			if (part.chars().allMatch(Character::isDigit)) {
				field.append('[').append(part).append(']');
			}
			else {
				field.append((field.length() > 0) ? "." : "").append(part.replace("~1", "/").replace("~0", "~"));
			}
		}
		return field.toString();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	/**
	 * Reads one schema-valid file into a pattern, reporting what the schema cannot check.
	 */
	private final class FileReader {

		private final String file;

		private final JsonNode root;

		private final Set<String> captureNames = new LinkedHashSet<>();

		private List<ProbeSpec> confirm = List.of();

		private final int problemsBefore;

		FileReader(String file, JsonNode root) {
			this.file = file;
			this.root = root;
			this.problemsBefore = PatternLoader.this.problems.size();
		}

		FailurePattern read() {
			String id = text("id");
			checkLocation(id);
			Category category = Category.fromId(text("category")).orElse(null);
			if (category == null) {
				problem("category", "\"" + text("category") + "\" is not in the taxonomy (patterns/taxonomy.md)");
			}
			List<String> references = strings(this.root.get("references"));
			for (int i = 0; i < references.size(); i++) {
				if (!references.get(i).startsWith("https://")) {
					problem("references[" + i + "]", "must be an https URL");
				}
			}
			VersionRange versions = versions();
			MatchSpec match = match(this.root.get("match"));
			Template summary = template("summary", text("summary"));
			this.confirm = probes();
			List<FixTemplate> fix = fixes();
			List<PatternExample> examples = examples(id);
			Set<Outcome> appliesTo = outcomes();
			if (PatternLoader.this.problems.size() > this.problemsBefore) {
				return null;
			}
			return new FailurePattern(id, text("name"), category, summary, text("description"), text("remediation"),
					Severity.valueOf(upper("severity")), Level.valueOf(upper("confidence")),
					Maturity.valueOf(upper("maturity")), strings(this.root.get("tags")),
					strings(this.root.get("owners")), strings(this.root.get("catalogue")), references, versions,
					appliesTo, this.root.path("generic").asBoolean(false), strings(this.root.get("supersedes")), match,
					fix, this.confirm, examples, this.file);
		}

		private void checkLocation(String id) {
			Path path = Path.of(this.file);
			String stem = path.getFileName().toString().replaceFirst("\\.yaml$", "");
			if (!stem.equals(id)) {
				problem("id", "\"" + id + "\" must equal the file name \"" + stem + "\"");
			}
			String directory = (path.getParent() != null) ? path.getParent().getFileName().toString() : "";
			if (!directory.equals(text("category"))) {
				problem("category",
						"\"" + text("category") + "\" must equal the directory the file is in (\"" + directory + "\")");
			}
		}

		private VersionRange versions() {
			try {
				return VersionRange.parse(this.root.path("runner-versions").asString(""));
			}
			catch (IllegalArgumentException ex) {
				problem("runner-versions", ex.getMessage());
				return VersionRange.ANY;
			}
		}

		private Set<Outcome> outcomes() {
			JsonNode node = this.root.get("applies-to");
			if (node == null) {
				return FailurePattern.DEFAULT_OUTCOMES;
			}
			Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
			for (String outcome : strings(node)) {
				outcomes.add(Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)));
			}
			return outcomes;
		}

		private MatchSpec match(JsonNode node) {
			Scope defaultScope = scope(node.get("in"), Scope.ANY, "match.in");
			List<Condition> all = conditions(node.get("all"), defaultScope, "match.all", true);
			List<Condition> any = conditions(node.get("any"), defaultScope, "match.any", true);
			List<Condition> none = conditions(node.get("none"), defaultScope, "match.none", false);
			if (!all.isEmpty() && any.isEmpty() && all.stream().allMatch(Condition::corroborates)) {
				problem("match.all", "every condition corroborates: at least one must be the decisive message");
			}
			Map<String, CaptureSpec> captures = new LinkedHashMap<>();
			JsonNode captureNode = node.get("capture");
			if (captureNode != null) {
				for (Map.Entry<String, JsonNode> entry : captureNode.properties()) {
					CaptureSpec spec = capture(entry.getKey(), entry.getValue(), defaultScope);
					if (spec != null) {
						captures.put(entry.getKey(), spec);
						this.captureNames.add(entry.getKey());
					}
				}
			}
			boolean decisive = "decisive-lines".equals(node.path("evidence").asString("matched"));
			List<FailurePattern.Comparison> where = new ArrayList<>();
			JsonNode whereNode = node.get("where");
			for (int i = 0; whereNode != null && i < whereNode.size(); i++) {
				FailurePattern.Comparison comparison = FailurePattern.Comparison.parse(whereNode.get(i).asString());
				for (String name : java.util.Arrays.asList(comparison.left(), comparison.right())) {
					if (name != null && !this.captureNames.contains(name) && !FACTS.contains(name)) {
						problem("match.where[" + i + "]",
								"compares {{" + name + "}}, which the pattern does not capture");
					}
				}
				where.add(comparison);
			}
			return new MatchSpec(all, any, none, node.path("window").asInt(0), captures, decisive, where);
		}

		private List<Condition> conditions(JsonNode node, Scope defaultScope, String field, boolean captures) {
			if (node == null) {
				return List.of();
			}
			List<Condition> conditions = new ArrayList<>();
			for (int i = 0; i < node.size(); i++) {
				JsonNode condition = node.get(i);
				String at = field + "[" + i + "]";
				Scope scope = scope(condition.get("in"), defaultScope, at + ".in");
				int flags = condition.path("ignore-case").asBoolean(false) ? com.google.re2j.Pattern.CASE_INSENSITIVE
						: 0;
				boolean corroborates = condition.path("corroborates").asBoolean(false);
				if (corroborates && !field.equals("match.all")) {
					problem(at + ".corroborates", "only a condition of match.all can corroborate");
				}
				if (condition.has("contains")) {
					String literal = condition.get("contains").asString();
					conditions.add(new Condition(
							com.google.re2j.Pattern.compile(com.google.re2j.Pattern.quote(literal), flags), literal,
							true, scope, corroborates));
					continue;
				}
				String regex = condition.get("regex").asString();
				com.google.re2j.Pattern compiled = compile(regex, flags, at + ".regex");
				if (compiled != null) {
					if (captures) {
						this.captureNames.addAll(compiled.namedGroups().keySet());
					}
					conditions.add(new Condition(compiled, regex, false, scope, corroborates));
				}
			}
			return conditions;
		}

		private CaptureSpec capture(String name, JsonNode node, Scope defaultScope) {
			String at = "match.capture." + name;
			String regex = node.isString() ? node.asString() : node.get("regex").asString();
			Scope scope = node.isString() ? defaultScope : scope(node.get("in"), defaultScope, at + ".in");
			com.google.re2j.Pattern compiled = compile(regex, 0, at);
			if (compiled == null) {
				return null;
			}
			if (compiled.groupCount() != 1) {
				problem(at, "needs exactly one capturing group, has " + compiled.groupCount());
				return null;
			}
			return new CaptureSpec(compiled, scope);
		}

		private com.google.re2j.Pattern compile(String regex, int flags, String field) {
			try {
				return com.google.re2j.Pattern.compile(regex, flags);
			}
			catch (PatternSyntaxException ex) {
				problem(field, "does not compile as RE2 (no backreferences or lookaround): " + ex.getMessage());
				return null;
			}
		}

		private Scope scope(JsonNode node, Scope fallback, String field) {
			if (node == null) {
				return fallback;
			}
			if (node.isArray()) {
				return Scope.sections(strings(node));
			}
			return switch (node.asString()) {
				case "failing-section" -> Scope.FAILING_SECTION;
				case "final-error" -> Scope.FINAL_ERROR;
				case "outside-script" -> Scope.OUTSIDE_SCRIPT;
				case "runner-lines" -> Scope.RUNNER_LINES;
				case "command-output" -> Scope.COMMAND_OUTPUT;
				case "log-end" -> Scope.LOG_END;
				case "any" -> Scope.ANY;
				default -> {
					problem(field, "unknown scope \"" + node.asString() + "\"");
					yield fallback;
				}
			};
		}

		private List<FixTemplate> fixes() {
			List<FixTemplate> fixes = new ArrayList<>();
			JsonNode node = this.root.get("fix");
			for (int i = 0; i < node.size(); i++) {
				JsonNode fix = node.get(i);
				Template content = fixTemplate("fix[" + i + "].content", fix.get("content").asString());
				Template title = fixTemplate("fix[" + i + "].title", fix.get("title").asString());
				if (content != null && title != null) {
					fixes.add(new FixTemplate(FixKind.fromId(fix.get("kind").asString()), title, content));
				}
			}
			return fixes;
		}

		private List<ProbeSpec> probes() {
			List<ProbeSpec> probes = new ArrayList<>();
			JsonNode node = this.root.get("confirm");
			if (node == null) {
				return probes;
			}
			for (int i = 0; i < node.size(); i++) {
				JsonNode probe = node.get(i);
				String at = "confirm[" + i + "]";
				String id = probe.get("probe").asString();
				ProbeDeclaration declaration = PatternLoader.this.probes.get(id);
				if (declaration == null) {
					problem(at + ".probe", "\"" + id + "\" is not declared in schema/probes.yaml (known: "
							+ String.join(", ", PatternLoader.this.probes.keySet()) + ")");
					continue;
				}
				Map<String, Template> with = new LinkedHashMap<>();
				JsonNode withNode = probe.get("with");
				if (withNode != null) {
					for (Map.Entry<String, JsonNode> entry : withNode.properties()) {
						if (!declaration.args().contains(entry.getKey())) {
							problem(at + ".with." + entry.getKey(), "is no argument of " + id + " (it takes "
									+ String.join(", ", declaration.args()) + ")");
						}
						Template value = template(at + ".with." + entry.getKey(), entry.getValue().asString());
						if (value != null) {
							with.put(entry.getKey(), value);
						}
					}
				}
				Map<String, Object> expect = new LinkedHashMap<>();
				JsonNode expectNode = probe.get("expect");
				if (expectNode != null) {
					for (Map.Entry<String, JsonNode> entry : expectNode.properties()) {
						if (!declaration.observed().contains(entry.getKey())) {
							problem(at + ".expect." + entry.getKey(), "is not observed by " + id + " (it observes "
									+ String.join(", ", declaration.observed()) + ")");
						}
						JsonNode value = entry.getValue();
						if (value.isString() && value.asString().contains("{{")) {
							Template template = template(at + ".expect." + entry.getKey(), value.asString());
							if (template != null) {
								expect.put(entry.getKey(), template);
							}
							continue;
						}
						expect.put(entry.getKey(), value.isBoolean() ? (Object) value.asBoolean()
								: value.isNumber() ? (Object) value.numberValue() : value.asString());
					}
				}
				probes.add(new ProbeSpec(id, with, expect));
			}
			return probes;
		}

		private List<PatternExample> examples(String id) {
			List<PatternExample> examples = new ArrayList<>();
			JsonNode node = this.root.get("examples");
			boolean mustMatch = false;
			boolean mustNotMatch = false;
			for (int i = 0; i < node.size(); i++) {
				JsonNode example = node.get(i);
				String at = "examples[" + i + "]";
				Expectation expect = Expectation
					.valueOf(example.get("expect").asString().toUpperCase(Locale.ROOT).replace('-', '_'));
				mustMatch |= expect == Expectation.MATCH;
				mustNotMatch |= expect == Expectation.NO_MATCH;
				Map<String, String> captures = new LinkedHashMap<>();
				JsonNode captureNode = example.get("captures");
				if (captureNode != null) {
					for (Map.Entry<String, JsonNode> entry : captureNode.properties()) {
						if (!this.captureNames.contains(entry.getKey())) {
							problem(at + ".captures." + entry.getKey(), "is not captured by the pattern (captures: "
									+ String.join(", ", this.captureNames) + ")");
						}
						captures.put(entry.getKey(), entry.getValue().asString());
					}
				}
				byte[] log;
				String logFile = null;
				if (example.has("log")) {
					log = example.get("log").asString().getBytes(StandardCharsets.UTF_8);
				}
				else {
					logFile = example.get("log-file").asString();
					String relative = Path.of(this.file)
						.resolveSibling(logFile)
						.normalize()
						.toString()
						.replace('\\', '/');
					log = PatternLoader.this.source.readOptional(relative);
					if (log == null) {
						problem(at + ".log-file", "\"" + logFile + "\" does not exist next to the pattern");
						continue;
					}
				}
				examples.add(new PatternExample(example.get("name").asString(), expect, captures, log, logFile));
			}
			if (!mustMatch) {
				problem("examples", "add at least one example with \"expect: match\"");
			}
			if (!mustNotMatch) {
				problem("examples", "add at least one example with \"expect: no-match\"");
			}
			return examples;
		}

		private Template template(String field, String source) {
			return template(field, source, false);
		}

		/** A fix may also use what the pattern's probes observed. */
		private Template fixTemplate(String field, String source) {
			return template(field, source, true);
		}

		private Template template(String field, String source, boolean probeVariables) {
			Template template;
			try {
				template = Template.parse(source);
			}
			catch (IllegalArgumentException ex) {
				problem(field, ex.getMessage());
				return null;
			}
			for (String variable : template.variables()) {
				if (variable.startsWith(PROBE_VARIABLE_PREFIX)) {
					checkProbeVariable(field, variable, probeVariables);
				}
				else if (!this.captureNames.contains(variable) && !FACTS.contains(variable)) {
					problem(field, "uses {{" + variable + "}}, which the pattern does not capture (captures: "
							+ String.join(", ", this.captureNames) + "; facts: runner.*, job.*)");
				}
			}
			return template;
		}

		private void checkProbeVariable(String field, String variable, boolean allowed) {
			if (!allowed) {
				problem(field,
						"uses {{" + variable + "}}: what probes observe is known only to fix titles and contents");
				return;
			}
			String rest = variable.substring(PROBE_VARIABLE_PREFIX.length());
			int dot = rest.indexOf('.');
			String probe = (dot > 0) ? rest.substring(0, dot) : rest;
			String observed = (dot > 0) ? rest.substring(dot + 1) : "";
			if (this.confirm.stream().noneMatch((spec) -> spec.probe().equals(probe))) {
				problem(field, "uses {{" + variable + "}}, but the pattern's confirm has no " + probe
						+ " probe (write {{probe.<probe>.<observed field>}})");
				return;
			}
			ProbeDeclaration declaration = PatternLoader.this.probes.get(probe);
			if (!declaration.observed().contains(observed)) {
				problem(field, "uses {{" + variable + "}}, but " + probe + " observes no \"" + observed
						+ "\" (it observes " + String.join(", ", declaration.observed()) + ")");
			}
		}

		private String text(String field) {
			return this.root.path(field).asString("");
		}

		private String upper(String field) {
			return text(field).toUpperCase(Locale.ROOT);
		}

		private void problem(String field, String message) {
			PatternLoader.this.problem(this.file, field, message);
		}

	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node != null) {
			for (JsonNode item : node) {
				values.add(item.asString());
			}
		}
		return values;
	}

	/**
	 * A probe a pattern may name, from {@code schema/probes.yaml}.
	 *
	 * @param id the probe id
	 * @param description what it checks
	 * @param args the arguments it takes
	 * @param observed the fields it observes
	 */
	public record ProbeDeclaration(String id, String description, Set<String> args, Set<String> observed) {

		static Map<String, ProbeDeclaration> parse(byte[] yaml) {
			Map<String, ProbeDeclaration> declarations = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : YAML.readTree(yaml).properties()) {
				JsonNode node = entry.getValue();
				declarations.put(entry.getKey(),
						new ProbeDeclaration(entry.getKey(), node.path("description").asString(""),
								new LinkedHashSet<>(strings(node.get("args"))),
								new LinkedHashSet<>(strings(node.get("observed")))));
			}
			return declarations;
		}

	}

	/** Where the library's files come from. */
	private interface LibraryFiles {

		List<String> patternFiles();

		byte[] readOptional(String path);

		default byte[] read(String path) {
			byte[] bytes = readOptional(path);
			if (bytes == null) {
				throw new PatternLoadException(List.of(new PatternProblem(path, "", "is missing")));
			}
			return bytes;
		}

	}

	private static final class ClasspathFiles implements LibraryFiles {

		@Override
		public List<String> patternFiles() {
			byte[] index = readOptional("index.txt");
			if (index == null) {
				throw new PatternLoadException(List.of(new PatternProblem("patterns/index.txt", "",
						"is missing from the class path: is the tracedoc-patterns jar there?")));
			}
			return new String(index, StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((l) -> !l.isEmpty())
				.toList();
		}

		@Override
		public byte[] readOptional(String path) {
			try (InputStream in = PatternLoader.class.getClassLoader().getResourceAsStream("patterns/" + path)) {
				return (in != null) ? in.readAllBytes() : null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private record DirectoryFiles(Path root) implements LibraryFiles {

		@Override
		public List<String> patternFiles() {
			try (Stream<Path> files = java.nio.file.Files.walk(this.root, 2)) {
				return files.filter((path) -> path.getFileName().toString().endsWith(".yaml"))
					.map((path) -> this.root.relativize(path).toString().replace('\\', '/'))
					.filter((path) -> path.contains("/") && !path.startsWith("schema/") && !path.startsWith("target/"))
					.sorted()
					.toList();
			}
			catch (IOException ex) {
				throw new PatternLoadException(
						List.of(new PatternProblem(this.root.toString(), "", "cannot be listed: " + ex.getMessage())));
			}
		}

		@Override
		public byte[] readOptional(String path) {
			Path file = this.root.resolve(path).normalize();
			if (!file.startsWith(this.root.normalize())) {
				return null;
			}
			try {
				if (java.nio.file.Files.isRegularFile(file)) {
					return java.nio.file.Files.readAllBytes(file);
				}
				return path.startsWith("schema/") ? new ClasspathFiles().readOptional(path) : null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
