package io.tracedoc.pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RegexLiterals}: the literal a regex requires, never one it does not.
 */
class RegexLiteralsTests {

	@Test
	void takesTheLongestRequiredRun() {
		assertThat(RegexLiterals.required("fatal: unable to access '([^']+)': Could not resolve host: (\\S+)"))
			.containsExactly("': could not resolve host: ");
	}

	@Test
	void offersEveryBranchOfATopLevelAlternation() {
		assertThat(RegexLiterals.required("Connection refused|Operation timed out"))
			.containsExactly("connection refused", "operation timed out");
	}

	@Test
	void usesAGroupsBranchesWhenNothingOutsideItIsLongEnough() {
		assertThat(RegexLiterals.required("(?:Host is unreachable|No route to host) \\d+"))
			.containsExactly("host is unreachable", "no route to host");
	}

	@Test
	void readsNamedGroupsEscapesAndQuoting() {
		assertThat(RegexLiterals.required("User \"(?P<user>[^\"]+)\" cannot")).containsExactly("\" cannot");
		assertThat(RegexLiterals.required("exit code\\: (\\d+)")).containsExactly("exit code: ");
		assertThat(RegexLiterals.required("\\Q(a.b)*\\E[x]")).containsExactly("(a.b)*");
	}

	@Test
	void dropsACharacterMadeOptionalByAQuantifier() {
		assertThat(RegexLiterals.required("images?pull")).containsExactly("image");
		assertThat(RegexLiterals.required("Back-off pulling image+")).containsExactly("back-off pulling image");
		assertThat(RegexLiterals.required("abcd{0,2}efgh")).containsExactly("efgh");
	}

	@Test
	void claimsNothingFromAnOptionalGroup() {
		assertThat(RegexLiterals.required("(?:prepare environment: )?x"))
			.as("the group may be absent and x is too short")
			.isEmpty();
	}

	@Test
	void givesNothingWhenABranchHasNoLiteral() {
		assertThat(RegexLiterals.required("timeout|\\d+")).isEmpty();
		assertThat(RegexLiterals.required("[a-z]+ \\d+")).isEmpty();
	}

	@Test
	void ignoresZeroWidthAssertionsAndCaseFlags() {
		assertThat(RegexLiterals.required("(?i)^\\bFATAL: too large$")).containsExactly("fatal: too large");
	}

	@Test
	void givesNothingForARegexItCannotFollow() {
		assertThat(RegexLiterals.required("(unbalanced")).isEmpty();
	}

	@Test
	void keepsContainsLiteralsOfThreeCharactersOrMore() {
		assertThat(RegexLiterals.ofLiteral("OOMKilled")).containsExactly("oomkilled");
		assertThat(RegexLiterals.ofLiteral("ab")).isEmpty();
	}

}
