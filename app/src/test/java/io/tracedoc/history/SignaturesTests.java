package io.tracedoc.history;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Signatures}.
 */
class SignaturesTests {

	@Test
	void masksWhatChangesFromJobToJob() {
		assertThat(Signatures.normalise("2026-11-23T10:15:30.123Z pulled sha256:4f2a9c0e1b7d in 12s"))
			.isEqualTo("<time> pulled sha<n>:<hash> in <n>s");
		assertThat(Signatures.normalise("pod runner-x7k2p-project-42-concurrent-0 and web-7d9f8c6b5d-x2x9q"))
			.isEqualTo("pod <pod> and <pod>");
		assertThat(Signatures.normalise("dial tcp 10.96.0.1:443: i/o timeout at 12:01:02"))
			.isEqualTo("dial tcp <ip>: i/o timeout at <time>");
		assertThat(Signatures.normalise("open /builds/group/app/target/x.jar: no such file"))
			.isEqualTo("open <path>: no such file");
		assertThat(Signatures.normalise("request 123e4567-e89b-12d3-a456-426614174000 failed"))
			.isEqualTo("request <hash> failed");
	}

	@Test
	void keepsWhatNamesTheFailure() {
		assertThat(Signatures.normalise("fatal: unable to access 'https://gitlab.example.com/group/app.git/'"))
			.isEqualTo("fatal: unable to access 'https://gitlab.example.com/group/app.git/'");
		assertThat(Signatures.normalise("  npm   ERR!  code ELIFECYCLE ")).isEqualTo("npm ERR! code ELIFECYCLE");
		assertThat(Signatures.normalise("deadline exceeded in cache")).isEqualTo("deadline exceeded in cache");
	}

	@Test
	void neverCutsAMaskInHalf() {
		String line = "x".repeat(Signatures.MAX_LINE - 3) + " /var/lib/thing";
		String normalised = Signatures.normalise(line);
		assertThat(normalised).hasSizeLessThanOrEqualTo(Signatures.MAX_LINE).doesNotContain("<pa");
	}

	@Test
	void turnsANormalisedLineIntoARegexThatMatchesEveryOriginal() {
		String first = "ERROR: flux 4f2a9c0e at 10.0.3.7:4007 in /var/lib/flux/a.dat after 12 tries (2026-11-02T09:00:00Z)";
		String second = "ERROR:  flux 9b1c77aa at 10.0.3.9:4009 in /var/lib/flux/b/c.dat after 3 tries (2026-11-05T19:30:00Z)";
		String regex = Signatures.regex(Signatures.normalise(first));
		assertThat(Signatures.normalise(second)).isEqualTo(Signatures.normalise(first));
		assertThat(Pattern.compile(regex).matcher(first).find()).isTrue();
		assertThat(Pattern.compile(regex).matcher(second).find()).isTrue();
		assertThat(Pattern.compile(regex).matcher("ERROR: flux capacitor at 10.0.3.7:4007").find()).isFalse();
	}

	@Test
	void escapesRegexCharactersOfTheLiteralText() {
		String regex = Signatures.regex("a.b (c) [d] {e} $f ^g | h+ i* j?");
		assertThat(Pattern.compile(regex).matcher("a.b (c) [d] {e} $f ^g | h+ i* j?").find()).isTrue();
		assertThat(Pattern.compile(regex).matcher("axb (c) [d] {e} $f ^g | h+ i* j?").find()).isFalse();
	}

	@Test
	void givesTheSameShapeTheSameSignatureAndAnotherShapeAnother() {
		assertThat(Signatures.signature(java.util.List.of("a <n>", "b"))).hasSize(16)
			.isEqualTo(Signatures.signature(java.util.List.of("a <n>", "b")))
			.isNotEqualTo(Signatures.signature(java.util.List.of("a <n>", "c")));
	}

}
