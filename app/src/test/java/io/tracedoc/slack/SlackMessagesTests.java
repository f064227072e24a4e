package io.tracedoc.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.system.PublicAddress;

/**
 * Tests for the Block Kit messages: golden files of what Slack receives, Slack's size
 * limits on every seed log, and log text that must stay inert.
 */
class SlackMessagesTests {

	/** Run with {@code -Dslack.golden.write=true} to write the golden files anew. */
	private static final boolean WRITE = Boolean.getBoolean("slack.golden.write");

	private static final Path GOLDEN = Path.of("src/test/resources/slack");

	private final SlackMessages messages = new SlackMessages(SlackTestData.ADDRESS);

	@Test
	void rendersDiagnosisAsGoldenBlockKit() throws IOException {
		StoredDiagnosis stored = SlackTestData.stored("abcdefghjk23", SlackTestData.secretsForbiddenLog(),
				SlackTestData.webhook("k8s-runner-prod", 4242));
		assertGolden("secrets-forbidden.json", this.messages.diagnosis(stored, stored.diagnosis(), null));
	}

	@Test
	void rendersIncidentParentAndReplyAsGoldenBlockKit() throws IOException {
		StoredDiagnosis first = SlackTestData.stored("abcdefghjk23", SlackTestData.secretsForbiddenLog(),
				SlackTestData.webhook("k8s-runner-prod", 4242));
		StoredDiagnosis third = SlackTestData.stored("bcdefghjk234", SlackTestData.secretsForbiddenLog(),
				SlackTestData.webhook("k8s-runner-prod", 4244));
		assertGolden("incident-parent.json", this.messages.diagnosis(first, first.diagnosis(),
				SlackMessages.incidentNote(3, "2026-11-23 12:00 UTC", "k8s-runner-prod")));
		assertGolden("incident-reply.json", this.messages.incidentReply(3, third));
	}

	@Test
	void rendersCategoryQuestionAsGoldenBlockKit() throws IOException {
		assertGolden("ask-category.json", this.messages.askCategory("abcdefghjk23"));
	}

	@Test
	void staysWithinSlackLimitsForEverySeedLog() throws IOException {
		try (Stream<Path> logs = Files.list(SlackTestData.EXAMPLES)) {
			for (Path log : logs.filter((path) -> path.toString().endsWith(".log")).toList()) {
				StoredDiagnosis stored = SlackTestData.stored("abcdefghjk23",
						new String(Files.readAllBytes(log), StandardCharsets.UTF_8),
						JobContext.of(JobContext.Source.SLACK));
				SlackLimits.assertWithinLimits(this.messages.diagnosis(stored, stored.diagnosis(), null));
			}
		}
	}

	@Test
	void cutsLongEvidenceWithLinkToPermalink() {
		String log = SlackTestData.secretsForbiddenLog()
			.replace("for more information", "for more information " + "x".repeat(20_000));
		StoredDiagnosis stored = SlackTestData.stored("abcdefghjk23", log, JobContext.of(JobContext.Source.SLACK));
		SlackMessages.Message message = this.messages.diagnosis(stored, stored.diagnosis(), null);
		SlackLimits.assertWithinLimits(message);
		String evidence = sectionStartingWith(message, "*Evidence*");
		assertThat(evidence).hasSizeLessThanOrEqualTo(3000)
			.contains("_Cut: the rest is on <https://tracedoc.example.com/d/abcdefghjk23|/d/abcdefghjk23>_");
	}

	@Test
	void keepsShortEvidenceWhole() {
		StoredDiagnosis stored = SlackTestData.stored("abcdefghjk23", SlackTestData.secretsForbiddenLog(),
				JobContext.of(JobContext.Source.SLACK));
		String evidence = sectionStartingWith(this.messages.diagnosis(stored, stored.diagnosis(), null), "*Evidence*");
		assertThat(evidence).doesNotContain("_Cut:").contains("secrets is forbidden");
	}

	@Test
	void escapesMentionsAndMarkupFromTheLog() {
		String log = SlackTestData.secretsForbiddenLog()
			.replace("for more information",
					"for more information <!channel> <@U024BE7LH> <https://evil.example|click> &");
		StoredDiagnosis stored = SlackTestData.stored("abcdefghjk23", log, JobContext.of(JobContext.Source.SLACK));
		SlackMessages.Message message = this.messages.diagnosis(stored, stored.diagnosis(), null);
		String json = json(message);
		assertThat(json).doesNotContain("<!channel>", "<@U024BE7LH>", "<https://evil.example")
			.contains("&lt;!channel&gt; &lt;@U024BE7LH&gt; &lt;https://evil.example|click&gt; &amp;");
	}

	@Test
	void cutsLongHeaderToSlackLimit() {
		StoredDiagnosis stored = SlackTestData.stored("abcdefghjk23", SlackTestData.secretsForbiddenLog(),
				JobContext.of(JobContext.Source.SLACK));
		var diagnosis = stored.diagnosis();
		var long_ = new io.tracedoc.diagnosis.Diagnosis(diagnosis.schemaVersion(), diagnosis.id(), diagnosis.outcome(),
				diagnosis.category(), "t".repeat(400), diagnosis.summary(), diagnosis.findings(), diagnosis.ruledOut(),
				diagnosis.decisiveLines(), diagnosis.trace(), diagnosis.redactions(), diagnosis.timings());
		SlackMessages.Message message = this.messages.diagnosis(stored, long_, null);
		HeaderBlock header = (HeaderBlock) message.blocks().get(0);
		assertThat(header.getText().getText()).hasSize(150).endsWith("\u2026");
	}

	@Test
	void namesDiagnosisByIdWithoutPublicUrl() {
		SlackMessages noUrl = new SlackMessages(new PublicAddress(null));
		StoredDiagnosis stored = SlackTestData.stored("abcdefghjk23", SlackTestData.secretsForbiddenLog(),
				JobContext.of(JobContext.Source.SLACK));
		String json = json(noUrl.diagnosis(stored, stored.diagnosis(), null));
		assertThat(json).contains("diagnosis abcdefghjk23").doesNotContain("https://tracedoc", "tracedoc-open");
	}

	@Test
	void cutsEscapedTextNeverInsideAnEntityOrSurrogatePair() {
		assertThat(Mrkdwn.cut("ab&amp;cd", 4)).isEqualTo("ab");
		assertThat(Mrkdwn.cut("ab&amp;cd", 7)).isEqualTo("ab&amp;");
		assertThat(Mrkdwn.cut("a\ud83d\ude00b", 2)).isEqualTo("a");
		assertThat(Mrkdwn.code("a```b")).doesNotContain("```");
	}

	@Test
	void linksOnlyPlainWebAddresses() {
		assertThat(Mrkdwn.link("https://gitlab.example.com/g/p/-/jobs/1", "g/p job 1"))
			.isEqualTo("<https://gitlab.example.com/g/p/-/jobs/1|g/p job 1>");
		assertThat(Mrkdwn.link("javascript:alert(1)", "x")).isEqualTo("x");
		assertThat(Mrkdwn.link("https://a.example/x|<!channel>", "x")).isEqualTo("x");
	}

	/** The message as Slack receives it, readable. */
	static String json(SlackMessages.Message message) {
		// in a fixed order: Map.of's order changes from one JVM to the next
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("text", message.text());
		payload.put("blocks", message.blocks());
		return new GsonBuilder().setPrettyPrinting()
			.disableHtmlEscaping()
			.create()
			.toJson(JsonParser.parseString(GsonFactory.createSnakeCase().toJson(payload)));
	}

	private static String sectionStartingWith(SlackMessages.Message message, String prefix) {
		return message.blocks()
			.stream()
			.filter(SectionBlock.class::isInstance)
			.map((block) -> ((SectionBlock) block).getText().getText())
			.filter((text) -> text.startsWith(prefix))
			.findFirst()
			.orElseThrow();
	}

	private static void assertGolden(String name, SlackMessages.Message message) throws IOException {
		SlackLimits.assertWithinLimits(message);
		String json = json(message) + "\n";
		Path golden = GOLDEN.resolve(name);
		if (WRITE) {
			Files.writeString(golden, json);
		}
		assertThat(json).as("Block Kit of %s (write anew with -Dslack.golden.write=true)", name)
			.isEqualTo(Files.readString(golden));
	}

}
