package io.tracedoc.diagnosis;

import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine and the diagnosis path as beans. The probe phase and the store are replaced
 * by the probe and history features when they provide their own beans.
 */
@Configuration(proxyBeanMethods = false)
class DiagnosisConfiguration {

	@Bean
	PatternCatalog patternCatalog(DiagnosisProperties properties) {
		// a broken library fails the start-up with every problem listed
		return (properties.patternsDirectory() != null) ? PatternLoader.loadDirectory(properties.patternsDirectory())
				: PatternLoader.loadBundled();
	}

	@Bean
	DiagnosisEngine diagnosisEngine(PatternCatalog catalog) {
		return new DiagnosisEngine(catalog);
	}

	@Bean
	@ConditionalOnMissingBean
	Probing probing() {
		return Probing.none("no Kubernetes cluster is configured for probes");
	}

	@Bean
	@ConditionalOnMissingBean
	DiagnosisStore diagnosisStore(DiagnosisProperties properties) {
		return new InMemoryDiagnosisStore(properties.memoryStore().maxDiagnoses(), properties.memoryStore().maxLines());
	}

	@Bean
	DiagnosisService diagnosisService(DiagnosisEngine engine, Probing probing, DiagnosisStore store,
			ApplicationEventPublisher events, DiagnosisProperties properties) {
		return new DiagnosisService(engine, probing, store, events, properties.maxLogSize().toBytes());
	}

}
