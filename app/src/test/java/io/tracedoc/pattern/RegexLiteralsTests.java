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
	void extendsAGroupOfPlainWordsWithTheTextAroundIt() {
		assertThat(RegexLiterals.required("(?:Host is unreachable|No route to host) \\d+"))
			.containsExactly("host is unreachable ", "no route to host ");
		assertThat(RegexLiterals.required("^(?:FATAL|ERROR|WARNING): (.+?)\\s*$")).containsExactly("fatal: ", "error: ",
				"warning: ");
	}

	@Test
	void prefersTheAlternativesWhoseShortestIsLongerThanTheLongestSingleRun() {
		assertThat(RegexLiterals.required("(setting up credentials|waiting for pod running): [A-Z]+ \"https://"))
			.containsExactly("setting up credentials: ", "waiting for pod running: ");
	}

	@Test
	void usesAGroupsBranchesWhenTheyAreNotPlainText() {
		assertThat(RegexLiterals.required("(?:Host is unreachable\\b|No route to host\\d) x"))
			.containsExactly("host is unreachable", "no route to host");
	}

	@Test
	void readsNamedGroupsEscapesAndQuoting() {
		assertThat(RegexLiterals.required("User \"(?P<user>[^\"]+)\" cannot")).containsExactly("\" cannot");
		assertThat(RegexLiterals.required("exit code\\: (\\d+)")).containsExactly("exit code: ");
		assertThat(RegexLiterals.required("\\Q(a.b)*\\E[x]")).containsExactly("(a.b)*");
	}

	@Test
	void keepsACharacterThatMayAppearOnceAndDropsOneThatMayRepeat() {
		assertThat(RegexLiterals.required("images?pull")).containsExactlyInAnyOrder("imagespull", "imagepull");
		assertThat(RegexLiterals.required("Back-off pulling image+")).containsExactly("back-off pulling image");
		assertThat(RegexLiterals.required("abcd{0,2}efgh")).containsExactly("efgh");
	}

	@Test
	void goesOnWithAndWithoutAPieceThatMayAppearOnce() {
		assertThat(RegexLiterals.required("(?:Head|GET) \"?https?://")).containsExactlyInAnyOrder("head \"https://",
				"head \"http://", "head https://", "head http://", "get \"https://", "get \"http://", "get https://",
				"get http://");
	}

	@Test
	void breaksTheRunAtAPieceThatMayRepeat() {
		assertThat(RegexLiterals.required("abcx*yz")).containsExactly("abc");
		assertThat(RegexLiterals.required("abc(?:xy)*defg")).containsExactly("defg");
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
