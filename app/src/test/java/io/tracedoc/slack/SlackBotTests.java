package io.tracedoc.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.tracedoc.diagnosis.Probing;
import io.tracedoc.history.LuceneDiagnosisStore;

/**
 * Tests for the bot's answers where the service lacks a part: no history to record
 * feedback in, no free worker.
 */
class SlackBotTests {

	@RegisterExtension
	static WireMockExtension slack = WireMockExtension.newInstance()
		.options(WireMockConfiguration.wireMockConfig().dynamicPort())
		.build();

	@BeforeEach
	void stub() {
		SlackApiStub.stubWebApi(slack);
	}

	@Test
	void saysHistoryIsOffWhenDiagnosisIsMarkedWrong() {
		SlackBot bot = bot(Runnable::run);
		bot.action(SlackMessages.WRONG, "abcdefghjk23", "b1", null, "U1", slack.baseUrl() + "/respond/wrong");
		assertThat(SlackApiStub.responses(slack, "wrong")).singleElement()
			.satisfies((answer) -> assertThat(answer).contains("History is off", "\"response_type\":\"ephemeral\""));
	}

	@Test
	void answersBusyWhenEveryWorkerIsTaken() {
		Executor full = (task) -> {
			throw new RejectedExecutionException("full");
		};
		assertThat(bot(full).command("abcdefghjk23", slack.baseUrl() + "/respond/busy")).contains("busy");
		assertThat(SlackApiStub.responses(slack, "busy")).isEmpty();
	}

	@Test
	void acknowledgesWhenWorkerIsFree() {
		Executor later = (task) -> {
		};
		assertThat(bot(later).command("abcdefghjk23", slack.baseUrl() + "/respond/free")).startsWith("Diagnosing");
	}

	private static SlackBot bot(Executor work) {
		// history off: no LuceneDiagnosisStore bean; the parts these answers never reach
		// are absent
		var history = new StaticListableBeanFactory().getBeanProvider(LuceneDiagnosisStore.class);
		return new SlackBot(SlackApiStub.client(slack), new SlackMessages(SlackTestData.ADDRESS), null, null,
				Probing.none("off"), null, history, work, Set.of("files.slack.com"), Clock.systemUTC());
	}

}
