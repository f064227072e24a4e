package io.tracedoc.gitlab;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The GitLab beans tracedoc falls back to: without a GitLab client, job URLs cannot be
 * fetched and the pages say so.
 */
@Configuration(proxyBeanMethods = false)
class GitLabConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JobTraceFetcher jobTraceFetcher() {
		return JobTraceFetcher.unconfigured();
	}

}
