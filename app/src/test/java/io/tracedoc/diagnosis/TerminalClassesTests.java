package io.tracedoc.diagnosis;

import java.util.regex.Pattern;

import io.tracedoc.trace.TextStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TerminalClasses}.
 */
class TerminalClassesTests {

	private static final Pattern WHITELIST = Pattern.compile(
			"(t-(fg|bg)-([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])|t-bold|t-italic|t-underline|t-conceal|t-crossed)");

	@Test
	void givesTheDefaultStyleNoClass() {
		assertThat(TerminalClasses.of(TextStyle.DEFAULT)).isEmpty();
	}

	@Test
	void namesColoursAndAttributesOfAStyle() {
		assertThat(TerminalClasses.of(TextStyle.DEFAULT.apply("1;31;44"))).isEqualTo("t-fg-1 t-bg-4 t-bold");
		assertThat(TerminalClasses.of(TextStyle.DEFAULT.apply("3;4;8;9;92")))
			.isEqualTo("t-fg-10 t-italic t-underline t-conceal t-crossed");
		assertThat(TerminalClasses.of(TextStyle.DEFAULT.apply("38;5;208;48;5;17"))).isEqualTo("t-fg-208 t-bg-17");
	}

	@Test
	void drawsTrueColourWithTheNearestPaletteEntry() {
		assertThat(TerminalClasses.of(TextStyle.DEFAULT.apply("38;2;255;0;0"))).isEqualTo("t-fg-196");
		assertThat(TerminalClasses.of(TextStyle.DEFAULT.apply("38;2;255;135;0"))).isEqualTo("t-fg-208");
		assertThat(TerminalClasses.of(TextStyle.DEFAULT.apply("48;2;128;128;128"))).isEqualTo("t-bg-244");
		assertThat(TerminalClasses.of(TextStyle.DEFAULT.apply("38;2;0;0;0"))).isEqualTo("t-fg-16");
	}

	@Test
	void givesNoClassForNumbersThatAreNoColour() {
		assertThat(TerminalClasses.paletteIndex(-1)).isEqualTo(-1);
		assertThat(TerminalClasses.paletteIndex(256)).isEqualTo(-1);
		assertThat(TerminalClasses.paletteIndex(0x3000000)).isEqualTo(-1);
		assertThat(TerminalClasses.paletteIndex(Integer.MIN_VALUE)).isEqualTo(-1);
		assertThat(TerminalClasses.of(new TextStyle(-7, 999, false, false, false, false, false))).isEmpty();
	}

	@Test
	void neverLeavesTheWhitelistWhateverTheColourNumbers() {
		int[] colours = { Integer.MIN_VALUE, -2, -1, 0, 7, 15, 16, 231, 232, 255, 256, 0xFFFFFF, 0x1000000, 0x1FFFFFF,
				0x2000000, Integer.MAX_VALUE };
		for (int foreground : colours) {
			for (int background : colours) {
				String classes = TerminalClasses
					.of(new TextStyle(foreground, background, true, true, true, true, true));
				for (String name : classes.split(" ")) {
					assertThat(name).matches(WHITELIST);
				}
			}
		}
	}

}
