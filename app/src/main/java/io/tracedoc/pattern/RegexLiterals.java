package io.tracedoc.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the literal text a regex cannot match without, so that the engine can skip a line
 * whose text holds none of it before running the regex (the prefilter of the diagnosis
 * engine).
 *
 * <p>
 * The result is a set of alternatives: a line can only match when it contains at least
 * one of them (ignoring case). For
 * {@code fatal: unable to access '[^']+': Could not resolve host} that is the single
 * longest required run, {@code ': could not resolve host}; for
 * {@code (?:Connection refused|timed out)} it is both branches. An empty result means no
 * usable literal exists and the regex must run on every line in scope. The reading is
 * conservative: whatever it does not understand ends the current literal run, so a
 * literal is never claimed that the regex does not require.
 */
public final class RegexLiterals {

	/** Shorter literals filter too little to be worth it. */
	public static final int MIN_LENGTH = 3;

	private final String regex;

	private int position;

	private RegexLiterals(String regex) {
		this.regex = regex;
	}

	/**
	 * @param regex an RE2 regex
	 * @return lower-cased literals, one of which every matching line contains; empty when
	 * there are none
	 */
	public static List<String> required(String regex) {
		try {
			RegexLiterals reader = new RegexLiterals(regex);
			Alternatives result = reader.alternation();
			return (reader.position == regex.length()) ? result.literals() : List.of();
		}
		catch (RuntimeException ex) {
			// a regex this reader cannot follow still works; it just runs on every line
			return List.of();
		}
	}

	/**
	 * @param literal text a line must contain
	 * @return the literal lower-cased, or nothing when it is too short to filter
	 */
	public static List<String> ofLiteral(String literal) {
		return (literal.length() >= MIN_LENGTH) ? List.of(literal.toLowerCase(Locale.ROOT)) : List.of();
	}

	/** Reads branches separated by {@code |} until the end or a closing parenthesis. */
	private Alternatives alternation() {
		List<Sequence> branches = new ArrayList<>();
		branches.add(sequence());
		while (this.position < this.regex.length() && this.regex.charAt(this.position) == '|') {
			this.position++;
			branches.add(sequence());
		}
		return new Alternatives(branches);
	}

	/** Reads atoms until {@code |}, {@code )} or the end. */
	private Sequence sequence() {
		Sequence sequence = new Sequence();
		while (this.position < this.regex.length()) {
			char c = this.regex.charAt(this.position);
			if (c == '|' || c == ')') {
				break;
			}
			Atom atom = atom();
			Quantifier quantifier = quantifier();
			sequence.add(atom, quantifier);
		}
		sequence.finish();
		return sequence;
	}

	private Atom atom() {
		char c = this.regex.charAt(this.position++);
		switch (c) {
			case '\\':
				return escape();
			case '.':
				return Atom.OPAQUE;
			case '^', '$':
				return Atom.EMPTY;
			case '[':
				skipClass();
				return Atom.OPAQUE;
			case '(':
				return group();
			default:
				return Atom.literal(String.valueOf(c));
		}
	}

	private Atom escape() {
		char c = this.regex.charAt(this.position++);
		if (c == 'Q') {
			int end = this.regex.indexOf("\\E", this.position);
			String quoted = (end < 0) ? this.regex.substring(this.position) : this.regex.substring(this.position, end);
			this.position = (end < 0) ? this.regex.length() : end + 2;
			return Atom.literal(quoted);
		}
		if (c == 'b' || c == 'B' || c == 'A' || c == 'z') {
			return Atom.EMPTY;
		}
		if (c == 'p' || c == 'P') {
			if (this.position < this.regex.length() && this.regex.charAt(this.position) == '{') {
				this.position = this.regex.indexOf('}', this.position) + 1;
			}
			else {
				this.position++;
			}
			return Atom.OPAQUE;
		}
		if (c == 'x') {
			return hexEscape();
		}
		if (Character.isLetterOrDigit(c)) {
			return switch (c) {
				case 't' -> Atom.literal("\t");
				case 'n', 'r', 'f', 'v', 'a' -> Atom.OPAQUE;
				default -> Atom.OPAQUE;
			};
		}
		return Atom.literal(String.valueOf(c));
	}

	private Atom hexEscape() {
		int code;
		if (this.regex.charAt(this.position) == '{') {
			int end = this.regex.indexOf('}', this.position);
			code = Integer.parseInt(this.regex.substring(this.position + 1, end), 16);
			this.position = end + 1;
		}
		else {
			code = Integer.parseInt(this.regex.substring(this.position, this.position + 2), 16);
			this.position += 2;
		}
		return Atom.literal(new String(Character.toChars(code)));
	}

	private void skipClass() {
		if (this.position < this.regex.length() && this.regex.charAt(this.position) == '^') {
			this.position++;
		}
		if (this.position < this.regex.length() && this.regex.charAt(this.position) == ']') {
			this.position++;
		}
		while (this.regex.charAt(this.position) != ']') {
			if (this.regex.charAt(this.position) == '\\') {
				this.position++;
			}
			else if (this.regex.startsWith("[:", this.position)) {
				this.position = this.regex.indexOf(":]", this.position) + 1;
			}
			this.position++;
		}
		this.position++;
	}

	private Atom group() {
		if (this.regex.startsWith("?", this.position)) {
			this.position++;
			if (this.regex.startsWith("P<", this.position) || this.regex.startsWith("<", this.position)) {
				this.position = this.regex.indexOf('>', this.position) + 1;
			}
			else {
				// flags: (?i) stands alone, (?i:...) opens a group; the prefilter ignores
				// case anyway
				while (this.position < this.regex.length() && this.regex.charAt(this.position) != ':'
						&& this.regex.charAt(this.position) != ')') {
					this.position++;
				}
				if (this.regex.charAt(this.position) == ')') {
					this.position++;
					return Atom.EMPTY;
				}
				this.position++;
			}
		}
		Alternatives inner = alternation();
		if (this.position >= this.regex.length() || this.regex.charAt(this.position) != ')') {
			throw new IllegalArgumentException("unbalanced group");
		}
		this.position++;
		return Atom.group(inner);
	}

	private Quantifier quantifier() {
		if (this.position >= this.regex.length()) {
			return Quantifier.ONCE;
		}
		char c = this.regex.charAt(this.position);
		Quantifier quantifier;
		if (c == '?') {
			this.position++;
			quantifier = Quantifier.AT_MOST_ONCE;
		}
		else if (c == '*') {
			this.position++;
			quantifier = Quantifier.OPTIONAL;
		}
		else if (c == '+') {
			this.position++;
			quantifier = Quantifier.REPEATED;
		}
		else if (c == '{' && this.regex.indexOf('}', this.position) > 0
				&& this.regex.substring(this.position + 1, this.regex.indexOf('}', this.position))
					.matches("\\d+(,\\d*)?")) {
			int end = this.regex.indexOf('}', this.position);
			String range = this.regex.substring(this.position + 1, end);
			this.position = end + 1;
			String[] bounds = range.split(",", -1);
			int minimum = Integer.parseInt(bounds[0]);
			if (range.equals("0,1")) {
				quantifier = Quantifier.AT_MOST_ONCE;
			}
			else if (minimum == 0) {
				quantifier = Quantifier.OPTIONAL;
			}
			else {
				quantifier = range.equals("1") ? Quantifier.ONCE : Quantifier.REPEATED;
			}
		}
		else {
			return Quantifier.ONCE;
		}
		if (this.position < this.regex.length() && (this.regex.charAt(this.position) == '?')) {
			this.position++;
		}
		return quantifier;
	}

	private enum Quantifier {

		/** Exactly once. */
		ONCE,

		/** {@code ?}: once or not at all. */
		AT_MOST_ONCE,

		/** {@code *}, {@code {0,n}}: any number of times, none included. */
		OPTIONAL,

		/** {@code +}, {@code {n,m}}: at least once. */
		REPEATED

	}

	/** One regex element, as far as literals go. */
	private record Atom(Kind kind, String text, Alternatives group) {

		static final Atom OPAQUE = new Atom(Kind.OPAQUE, null, null);

		static final Atom EMPTY = new Atom(Kind.EMPTY, null, null);

		static Atom literal(String text) {
			return new Atom(Kind.LITERAL, text, null);
		}

		static Atom group(Alternatives inner) {
			return new Atom(Kind.GROUP, null, inner);
		}

		enum Kind {

			LITERAL, OPAQUE, EMPTY, GROUP

		}

	}

	/**
	 * A concatenation. Its literal run is kept as a set of alternatives, so that a group
	 * of plain words followed by more text ({@code (?:ERROR|FATAL): }) yields
	 * {@code error: } and {@code fatal: } rather than the bare words.
	 */
	private static final class Sequence {

		/** Groups of pure literals multiply the run's alternatives up to this many. */
		private static final int MAX_ALTERNATIVES = 32;

		private List<String> run = List.of("");

		private boolean pure = true;

		private List<String> pureTexts;

		/** Each entry: alternatives of which every matching line contains one. */
		private final List<List<String>> required = new ArrayList<>();

		void add(Atom atom, Quantifier quantifier) {
			List<String> texts = switch (atom.kind()) {
				case EMPTY -> List.of("");
				case LITERAL -> List.of(atom.text());
				case GROUP -> atom.group().pureTexts();
				case OPAQUE -> null;
			};
			if (texts == null || quantifier == Quantifier.OPTIONAL) {
				broken();
				if (atom.kind() == Atom.Kind.GROUP && quantifier != Quantifier.OPTIONAL
						&& quantifier != Quantifier.AT_MOST_ONCE) {
					List<String> literals = atom.group().literals();
					if (!literals.isEmpty()) {
						this.required.add(literals);
					}
				}
			}
			else if (quantifier == Quantifier.AT_MOST_ONCE) {
				optional(texts);
			}
			else if (this.run.size() * texts.size() <= MAX_ALTERNATIVES) {
				this.run = append(this.run, texts);
				if (quantifier == Quantifier.REPEATED) {
					broken();
				}
			}
			else {
				broken();
				if (shortest(texts) >= MIN_LENGTH) {
					this.required.add(texts.stream().map((text) -> text.toLowerCase(Locale.ROOT)).toList());
				}
			}
		}

		/**
		 * An optional piece of plain text ({@code "?}, {@code (?:s)?}): the run goes on
		 * with and without it, as long as the alternatives stay few.
		 */
		private void optional(List<String> texts) {
			List<String> withOrWithout = new ArrayList<>(texts);
			withOrWithout.add("");
			if (this.run.size() * withOrWithout.size() <= MAX_ALTERNATIVES) {
				this.run = append(this.run, withOrWithout);
			}
			else {
				broken();
			}
		}

		/** The run ends here and the sequence is no longer plain literal text. */
		private void broken() {
			this.pure = false;
			endRun();
		}

		void finish() {
			this.pureTexts = this.pure ? this.run : null;
			endRun();
		}

		private void endRun() {
			if (shortest(this.run) >= MIN_LENGTH) {
				this.required.add(this.run.stream().map((text) -> text.toLowerCase(Locale.ROOT)).distinct().toList());
			}
			this.run = List.of("");
		}

		/**
		 * The requirement whose weakest alternative is longest (the most selective one).
		 */
		List<String> best() {
			List<String> best = List.of();
			for (List<String> candidate : this.required) {
				int length = shortest(candidate);
				if (best.isEmpty() || length > shortest(best)
						|| (length == shortest(best) && candidate.size() < best.size())) {
					best = candidate;
				}
			}
			return best;
		}

		/**
		 * @return the texts the sequence matches when it is plain literal text, else
		 * {@code null}
		 */
		List<String> pureTexts() {
			return this.pureTexts;
		}

		private static List<String> append(List<String> prefixes, List<String> suffixes) {
			List<String> joined = new ArrayList<>(prefixes.size() * suffixes.size());
			for (String prefix : prefixes) {
				for (String suffix : suffixes) {
					joined.add(prefix + suffix);
				}
			}
			return joined;
		}

		private static int shortest(List<String> texts) {
			int shortest = Integer.MAX_VALUE;
			for (String text : texts) {
				shortest = Math.min(shortest, text.length());
			}
			return texts.isEmpty() ? 0 : shortest;
		}

	}

	private record Alternatives(List<Sequence> branches) {

		/**
		 * @return every text the alternation matches when each branch is plain literal
		 * text, else {@code null}
		 */
		List<String> pureTexts() {
			List<String> texts = new ArrayList<>();
			for (Sequence branch : this.branches) {
				if (branch.pureTexts() == null) {
					return null;
				}
				texts.addAll(branch.pureTexts());
			}
			return texts;
		}

		/** One literal per branch; empty when any branch requires none. */
		List<String> literals() {
			List<String> literals = new ArrayList<>();
			for (Sequence branch : this.branches) {
				List<String> best = branch.best();
				if (best.isEmpty()) {
					return List.of();
				}
				literals.addAll(best);
			}
			return List.copyOf(literals);
		}

	}

}
