package io.tracedoc.gitlab;

import java.util.Map;

import io.tracedoc.diagnosis.DiagnosisService;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The GitLab beans: one gitlab4j client per configured instance, used by the job URL
 * field and by the webhook. Without an instance, job URLs cannot be fetched and the pages
 * say so; without a webhook secret, no queue is opened and the webhook answers 503.
 */
@Configuration(proxyBeanMethods = false)
class GitLabConfiguration {

	@Bean
	GitLabInstances gitLabInstances(GitLabProperties properties) {
		return new GitLabInstances(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	JobTraceFetcher jobTraceFetcher(GitLabInstances instances) {
		return instances.isEmpty() ? JobTraceFetcher.unconfigured() : new GitLabJobTraceFetcher(instances);
	}

	@Bean
	@Conditional(WebhookConfigured.class)
	WebhookJournal webhookJournal(GitLabProperties properties) {
		return new WebhookJournal(properties.queue().directory(), properties.queue().capacity());
	}

	@Bean
	@Conditional(WebhookConfigured.class)
	WebhookWorker webhookWorker(WebhookJournal journal, GitLabInstances instances, DiagnosisService diagnoses,
			GitLabProperties properties) {
		return new WebhookWorker(journal, new FailedJobProcessor(instances, diagnoses, journal, properties),
				properties.queue().workers());
	}

	/** Matches when some configured instance has a webhook secret. */
	static final class WebhookConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Map<String, GitLabProperties.Instance> instances = Binder.get(context.getEnvironment())
				.bind("tracedoc.gitlab.instances", Bindable.mapOf(String.class, GitLabProperties.Instance.class))
				.orElse(Map.of());
			return instances.values().stream().anyMatch(GitLabProperties.Instance::receivesWebhooks)
					? ConditionOutcome.match("a GitLab instance has a webhook secret")
					: ConditionOutcome.noMatch("no GitLab instance has a webhook secret");
		}

	}

}
