package io.tracedoc.gitlab;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.system.PublicAddress;

import org.springframework.beans.factory.ObjectProvider;
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
	WebhookJournal webhookJournal(GitLabProperties properties, ObjectProvider<MeterRegistry> meters) {
		WebhookJournal journal = new WebhookJournal(properties.queue().directory(), properties.queue().capacity());
		meters.ifAvailable((registry) -> Gauge.builder("tracedoc.gitlab.queue.waiting", journal, WebhookJournal::size)
			.description("Failed GitLab jobs accepted and not yet answered")
			.register(registry));
		return journal;
	}

	@Bean
	@Conditional(WebhookConfigured.class)
	WebhookWorker webhookWorker(WebhookJournal journal, GitLabInstances instances, DiagnosisService diagnoses,
			GitLabProperties properties, PublicAddress address) {
		return new WebhookWorker(journal, new FailedJobProcessor(instances, diagnoses, journal, properties, address),
				properties.queue().workers(), properties.queue().keep());
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
