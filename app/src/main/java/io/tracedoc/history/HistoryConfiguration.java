package io.tracedoc.history;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The history's reading side as a bean, beside the {@link LuceneDiagnosisStore} that
 * replaces the in-memory store. Off with {@code tracedoc.history.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "tracedoc.history.enabled", matchIfMissing = true)
class HistoryConfiguration {

	@Bean
	HistorySearch historySearch(LuceneDiagnosisStore store) {
		return new HistorySearch(store.index());
	}

}
