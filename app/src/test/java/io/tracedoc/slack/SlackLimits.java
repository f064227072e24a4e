package io.tracedoc.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;

/**
 * Slack's limits on a message, asserted block by block: a message over them is refused by
 * Slack with {@code invalid_blocks}.
 */
final class SlackLimits {

	private SlackLimits() {
	}

	static void assertWithinLimits(SlackMessages.Message message) {
		assertThat(message.blocks()).hasSizeLessThanOrEqualTo(50);
		assertThat(message.text()).hasSizeLessThanOrEqualTo(SlackMessages.MAX_TEXT);
		for (LayoutBlock block : message.blocks()) {
			if (block instanceof SectionBlock section) {
				assertThat(section.getText().getText()).isNotBlank().hasSizeLessThanOrEqualTo(3000);
			}
			else if (block instanceof HeaderBlock header) {
				assertThat(header.getText().getText()).isNotBlank().hasSizeLessThanOrEqualTo(150);
			}
			else if (block instanceof ContextBlock context) {
				assertThat(context.getElements()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
				for (ContextBlockElement element : context.getElements()) {
					assertThat(((TextObject) element).getText()).hasSizeLessThanOrEqualTo(3000);
				}
			}
			else if (block instanceof ActionsBlock actions) {
				assertThat(actions.getElements()).isNotEmpty().hasSizeLessThanOrEqualTo(25);
			}
		}
	}

}
