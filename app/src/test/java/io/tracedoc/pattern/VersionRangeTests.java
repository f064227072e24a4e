package io.tracedoc.pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link VersionRange}.
 */
class VersionRangeTests {

	@Test
	void holdsInsideTheRangeAndNotAtItsOpenEnd() {
		VersionRange range = VersionRange.parse(">=16.2 <19.2");
		assertThat(range.includes("16.2.0")).isTrue();
		assertThat(range.includes("19.1.9")).isTrue();
		assertThat(range.includes("19.2.0")).isFalse();
		assertThat(range.includes("16.1.3")).isFalse();
	}

	@Test
	void ignoresSuffixesOfDevelopmentBuilds() {
		assertThat(VersionRange.parse(">=16.6").includes("16.6.0~beta.105.gd2263193")).isTrue();
	}

	@Test
	void admitsLogsThatDoNotSayTheirVersion() {
		assertThat(VersionRange.parse(">=99").includes(null)).isTrue();
	}

	@Test
	void rejectsWhatItCannotRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> VersionRange.parse("newer than 16"))
			.withMessageContaining("newer");
	}

}
