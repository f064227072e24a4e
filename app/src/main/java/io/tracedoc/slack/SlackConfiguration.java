package io.tracedoc.slack;

import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.LogIntake;
import io.tracedoc.diagnosis.LogViewer;
import io.tracedoc.diagnosis.Probing;
import io.tracedoc.history.LuceneDiagnosisStore;
import io.tracedoc.system.PublicAddress;

/**
 * The Slack bot's beans, present once {@code tracedoc.slack.bot-token} is set to
 * something ({@link SlackProperties} refuses a token without a signing secret). Without
 * them {@link SlackController} answers 404 and says how to turn the bot on.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackConfiguration.BotConfigured.class)
class SlackConfiguration {

	/** Where Slack serves attached files from: the bot token is sent nowhere else. */
	private static final String SLACK_FILES_HOST = "files.slack.com";

	@Bean
	Slack slack(SlackProperties properties) {
		SlackConfig config = new SlackConfig();
		config.setMethodsEndpointUrlPrefix(properties.apiUrl());
		return Slack.getInstance(config);
	}

	@Bean
	SlackRequestVerifier slackRequestVerifier(SlackProperties properties) {
		return new SlackRequestVerifier(properties.signingSecret(), Clock.systemUTC());
	}

	/**
	 * Answers are made after the request was acknowledged, by a few threads with a
	 * bounded queue: a flood of requests is refused with "busy", never queued without
	 * end.
	 */
	@Bean(destroyMethod = "shutdown")
	ThreadPoolExecutor slackWorkers(SlackProperties properties) {
		ThreadPoolExecutor workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60,
				TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.queue()),
				new CustomizableThreadFactory("slack-"));
		workers.allowCoreThreadTimeOut(true);
		return workers;
	}

	@Bean
	SlackClient slackClient(Slack slack, SlackProperties properties) {
		return new SlackClient(slack, properties.botToken());
	}

	@Bean
	SlackMessages slackMessages(PublicAddress address) {
		return new SlackMessages(address);
	}

	@Bean
	SlackBot slackBot(SlackClient client, SlackMessages messages, LogIntake intake, DiagnosisService diagnoses,
			Probing probing, LogViewer viewer, ObjectProvider<LuceneDiagnosisStore> history,
			ThreadPoolExecutor slackWorkers, SlackProperties properties) {
		String apiHost = URI.create(properties.apiUrl()).getHost();
		return new SlackBot(client, messages, intake, diagnoses, probing, viewer, history, slackWorkers,
				Set.of(SLACK_FILES_HOST, apiHost), Clock.systemUTC());
	}

	@Bean
	IncidentNotifier incidentNotifier(SlackProperties properties, SlackClient client, SlackMessages messages,
			ThreadPoolExecutor slackWorkers) {
		Incidents incidents = new Incidents(properties.incidentWindow(), properties.maxIncidents(),
				properties.varyingCaptures(), Clock.systemUTC());
		return new IncidentNotifier(properties.notifies() ? properties.notificationChannel() : null, client, messages,
				incidents, slackWorkers);
	}

	/**
	 * Matches when the bot token is set and not blank: an empty environment variable
	 * leaves the bot off.
	 */
	static class BotConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return Binder.get(context.getEnvironment())
				.bind("tracedoc.slack.bot-token", String.class)
				.map((token) -> !token.isBlank())
				.orElse(false);
		}

	}

}
