package io.tracedoc.trace;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A text style set by SGR sequences, limited to what GitLab renders
 * ({@code lib/gitlab/ci/ansi2json/parser.rb}).
 *
 * <p>
 * Colours are {@code -1} for the terminal default, 0-7 for the normal palette (SGR 30-37
 * / 40-47), 8-15 for the bright palette (90-97 / 100-107), 16-255 for the 256-colour
 * palette (38;5;n) and {@code 0x1000000 | rgb} for 24-bit colours (38;2;r;g;b).
 *
 * @param foreground the text colour
 * @param background the background colour
 * @param bold SGR 1
 * @param italic SGR 3
 * @param underline SGR 4
 * @param conceal SGR 8
 * @param crossed SGR 9
 */
public record TextStyle(int foreground, int background, boolean bold, boolean italic, boolean underline,
		boolean conceal, boolean crossed) {

	/** The style of text without any SGR sequence. */
	public static final TextStyle DEFAULT = new TextStyle(-1, -1, false, false, false, false, false);

	private static final int MAX_INTERNED = 4096;

	private static final ConcurrentHashMap<TextStyle, TextStyle> INTERNED = new ConcurrentHashMap<>();

	/**
	 * @return {@code true} when text in this style looks like text without any style
	 */
	public boolean isDefault() {
		return equals(DEFAULT);
	}

	/**
	 * Returns the style after applying one SGR parameter list such as {@code 0;33} or
	 * {@code 38;5;208}. Unknown parameters are ignored, as GitLab ignores them.
	 * @param parameters the text between {@code ESC [} and {@code m}
	 * @return the resulting style, shared between equal styles
	 */
	public TextStyle apply(String parameters) {
		int foreground = this.foreground;
		int background = this.background;
		boolean bold = this.bold;
		boolean italic = this.italic;
		boolean underline = this.underline;
		boolean conceal = this.conceal;
		boolean crossed = this.crossed;
		int[] codes = codes(parameters);
		for (int i = 0; i < codes.length; i++) {
			int code = codes[i];
			switch (code) {
				case 0 -> {
					foreground = -1;
					background = -1;
					bold = false;
					italic = false;
					underline = false;
					conceal = false;
					crossed = false;
				}
				case 1 -> bold = true;
				case 3 -> italic = true;
				case 4 -> underline = true;
				case 8 -> conceal = true;
				case 9 -> crossed = true;
				case 21, 22 -> bold = false;
				case 23 -> italic = false;
				case 24 -> underline = false;
				case 28 -> conceal = false;
				case 29 -> crossed = false;
				case 39 -> foreground = -1;
				case 49 -> background = -1;
				case 38, 48 -> {
					int[] extended = extendedColour(codes, i);
					if (extended[1] > 0) {
						if (code == 38) {
							foreground = extended[0];
						}
						else {
							background = extended[0];
						}
					}
					i += extended[1];
				}
				default -> {
					if (code >= 30 && code <= 37) {
						foreground = code - 30;
					}
					else if (code >= 40 && code <= 47) {
						background = code - 40;
					}
					else if (code >= 90 && code <= 97) {
						foreground = code - 90 + 8;
					}
					else if (code >= 100 && code <= 107) {
						background = code - 100 + 8;
					}
				}
			}
		}
		return intern(new TextStyle(foreground, background, bold, italic, underline, conceal, crossed));
	}

	/**
	 * Reads {@code 5;n} or {@code 2;r;g;b} after a 38/48 code.
	 * @return the colour and how many codes it used (0 when malformed)
	 */
	private static int[] extendedColour(int[] codes, int at) {
		if (at + 2 < codes.length && codes[at + 1] == 5) {
			int index = codes[at + 2];
			return (index >= 0 && index <= 255) ? new int[] { index, 2 } : new int[] { -1, 2 };
		}
		if (at + 4 < codes.length && codes[at + 1] == 2) {
			int rgb = (clamp(codes[at + 2]) << 16) | (clamp(codes[at + 3]) << 8) | clamp(codes[at + 4]);
			return new int[] { 0x1000000 | rgb, 4 };
		}
		return new int[] { -1, 0 };
	}

	private static int clamp(int component) {
		return Math.max(0, Math.min(255, component));
	}

	/**
	 * Splits {@code "0;33"} into codes; an empty parameter counts as 0, as terminals read
	 * it.
	 */
	private static int[] codes(String parameters) {
		if (parameters.isEmpty()) {
			return new int[] { 0 };
		}
		int count = 1;
		for (int i = 0; i < parameters.length(); i++) {
			char c = parameters.charAt(i);
			if (c == ';' || c == ':') {
				count++;
			}
		}
		int[] codes = new int[count];
		int index = 0;
		int value = 0;
		for (int i = 0; i < parameters.length(); i++) {
			char c = parameters.charAt(i);
			if (c == ';' || c == ':') {
				codes[index++] = value;
				value = 0;
			}
			else if (c >= '0' && c <= '9' && value < 100_000) {
				value = value * 10 + (c - '0');
			}
		}
		codes[index] = value;
		return codes;
	}

	private static TextStyle intern(TextStyle style) {
		if (style.isDefault()) {
			return DEFAULT;
		}
		TextStyle shared = INTERNED.get(style);
		if (shared != null) {
			return shared;
		}
		if (INTERNED.size() >= MAX_INTERNED) {
			return style;
		}
		TextStyle previous = INTERNED.putIfAbsent(style, style);
		return (previous != null) ? previous : style;
	}

}
