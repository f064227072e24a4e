package io.tracedoc.diagnosis;

import java.util.StringJoiner;

import io.tracedoc.trace.TextStyle;

/**
 * The CSS classes that draw a {@link TextStyle} the way a terminal (and GitLab's job
 * page) would. Every class comes from a fixed list computed from the style's numbers and
 * flags, never from log text, so a log cannot put markup or styles into a page:
 * {@code t-fg-0} to {@code t-fg-255}, {@code t-bg-0} to {@code t-bg-255}, {@code t-bold},
 * {@code t-italic}, {@code t-underline}, {@code t-conceal}, {@code t-crossed}. 24-bit
 * colours take the nearest colour of the 256-colour palette, as the
 * Content-Security-Policy allows no inline style.
 */
final class TerminalClasses {

	private static final int RGB_FLAG = 0x1000000;

	/** The six levels of the 6×6×6 colour cube, palette indexes 16-231. */
	private static final int[] CUBE_LEVELS = { 0, 95, 135, 175, 215, 255 };

	private TerminalClasses() {
	}

	/**
	 * @param style a text style
	 * @return its classes separated by spaces, empty for the default style
	 */
	static String of(TextStyle style) {
		StringJoiner classes = new StringJoiner(" ");
		int foreground = paletteIndex(style.foreground());
		if (foreground >= 0) {
			classes.add("t-fg-" + foreground);
		}
		int background = paletteIndex(style.background());
		if (background >= 0) {
			classes.add("t-bg-" + background);
		}
		if (style.bold()) {
			classes.add("t-bold");
		}
		if (style.italic()) {
			classes.add("t-italic");
		}
		if (style.underline()) {
			classes.add("t-underline");
		}
		if (style.conceal()) {
			classes.add("t-conceal");
		}
		if (style.crossed()) {
			classes.add("t-crossed");
		}
		return classes.toString();
	}

	/**
	 * @param colour a {@link TextStyle} colour
	 * @return its index in the 256-colour palette, or -1 for the default colour and
	 * anything that is no colour
	 */
	static int paletteIndex(int colour) {
		if (colour >= 0 && colour <= 255) {
			return colour;
		}
		if ((colour & ~0xFFFFFF) == RGB_FLAG) {
			return nearest((colour >> 16) & 0xFF, (colour >> 8) & 0xFF, colour & 0xFF);
		}
		return -1;
	}

	/** The closest of the colour cube's and the grey ramp's entries to an RGB colour. */
	private static int nearest(int red, int green, int blue) {
		int r = nearestLevel(red);
		int g = nearestLevel(green);
		int b = nearestLevel(blue);
		int cube = 16 + 36 * r + 6 * g + b;
		int cubeDistance = distance(red, green, blue, CUBE_LEVELS[r], CUBE_LEVELS[g], CUBE_LEVELS[b]);
		int average = (red + green + blue) / 3;
		int greyStep = Math.max(0, Math.min(23, Math.round((average - 8) / 10f)));
		int grey = 8 + 10 * greyStep;
		int greyDistance = distance(red, green, blue, grey, grey, grey);
		return (greyDistance < cubeDistance) ? 232 + greyStep : cube;
	}

	private static int nearestLevel(int component) {
		int best = 0;
		for (int i = 1; i < CUBE_LEVELS.length; i++) {
			if (Math.abs(CUBE_LEVELS[i] - component) < Math.abs(CUBE_LEVELS[best] - component)) {
				best = i;
			}
		}
		return best;
	}

	private static int distance(int r1, int g1, int b1, int r2, int g2, int b2) {
		return (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2);
	}

}
