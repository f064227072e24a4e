package io.tracedoc.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tests for telling a job URL, a diagnosis and a pasted log apart in what Slack sends.
 */
class SlackInputTests {

	@Test
	void recognisesJobUrlPlainOrAsSlackLink() {
		String url = "https://gitlab.example.com/group/project/-/jobs/42";
		assertThat(SlackInput.of(url)).isEqualTo(new SlackInput(SlackInput.Kind.JOB_URL, url));
		assertThat(SlackInput.of("<" + url + ">")).isEqualTo(new SlackInput(SlackInput.Kind.JOB_URL, url));
		assertThat(SlackInput.of("<@U024BE7LH> <" + url + "|" + url + ">"))
			.isEqualTo(new SlackInput(SlackInput.Kind.JOB_URL, url));
	}

	@Test
	void recognisesDiagnosisIdAndPermalink() {
		assertThat(SlackInput.of(" abcdefghjk23 "))
			.isEqualTo(new SlackInput(SlackInput.Kind.DIAGNOSIS, "abcdefghjk23"));
		assertThat(SlackInput.of("<https://tracedoc.example.com/d/abcdefghjk23>"))
			.isEqualTo(new SlackInput(SlackInput.Kind.DIAGNOSIS, "abcdefghjk23"));
	}

	@Test
	void takesAnythingElseAsPastedLogWithSlackEscapesUndone() {
		SlackInput input = SlackInput.of("```ERROR: x &lt;none&gt; &amp;&amp; <https://docs.gitlab.com|docs>```");
		assertThat(input.kind()).isEqualTo(SlackInput.Kind.LOG);
		assertThat(input.value()).isEqualTo("ERROR: x <none> && docs");
	}

	@Test
	void takesUrlThatIsNoJobAndWordsThatAreNoIdAsLog() {
		assertThat(SlackInput.of("https://gitlab.example.com/group/project").kind()).isEqualTo(SlackInput.Kind.LOG);
		assertThat(SlackInput.of("ABCDEFGHJK23").kind()).isEqualTo(SlackInput.Kind.LOG);
		assertThat(SlackInput.of("abcdefghjk23 and more").kind()).isEqualTo(SlackInput.Kind.LOG);
	}

	@Test
	void takesQuestionAroundOneLinkAsThatLink() {
		String url = "https://gitlab.example.com/group/project/-/jobs/42";
		assertThat(SlackInput.of("<@U024BE7LH> why did <" + url + "> fail?"))
			.isEqualTo(new SlackInput(SlackInput.Kind.JOB_URL, url));
		assertThat(SlackInput.of("see <https://tracedoc.example.com/d/abcdefghjk23>."))
			.isEqualTo(new SlackInput(SlackInput.Kind.DIAGNOSIS, "abcdefghjk23"));
	}

	@Test
	void takesTextWithSeveralLinksOrManyLinesOrBareIdLikeWordsAsLog() {
		String url = "https://gitlab.example.com/group/project/-/jobs/";
		assertThat(SlackInput.of("compare " + url + "42 and " + url + "43").kind()).isEqualTo(SlackInput.Kind.LOG);
		assertThat(SlackInput.of("$ git fetch\nfatal: " + url + "42\nline 3\nERROR: Job failed").kind())
			.isEqualTo(SlackInput.Kind.LOG);
		assertThat(SlackInput.of("transparency matters").kind()).isEqualTo(SlackInput.Kind.LOG);
	}

	@Test
	void findsNothingInBlankTextOrMentionAlone() {
		assertThat(SlackInput.of(null).kind()).isEqualTo(SlackInput.Kind.NOTHING);
		assertThat(SlackInput.of("  ").kind()).isEqualTo(SlackInput.Kind.NOTHING);
		assertThat(SlackInput.of("<@U024BE7LH>").kind()).isEqualTo(SlackInput.Kind.NOTHING);
	}

}
