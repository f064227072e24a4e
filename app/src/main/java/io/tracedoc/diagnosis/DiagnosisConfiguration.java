package io.tracedoc.diagnosis;

import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.pattern.PatternLoader;

import org.springframework.beans.factory.ObjectProvider;
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
	DiagnosisStore diagnosisStore(DiagnosisProperties properties) {
		return new InMemoryDiagnosisStore(properties.memoryStore().maxDiagnoses(), properties.memoryStore().maxLines());
	}

	/**
	 * The probe feature's phase when it provides one (an ObjectProvider rather than
	 * {@code @ConditionalOnMissingBean}, which depends on the order scanned
	 * configurations are read), else a phase that says why nothing is checked.
	 */
	@Bean
	DiagnosisService diagnosisService(DiagnosisEngine engine, ObjectProvider<Probing> probing, DiagnosisStore store,
			ApplicationEventPublisher events, DiagnosisProperties properties) {
		return new DiagnosisService(engine,
				probing.getIfAvailable(() -> Probing.none("no Kubernetes cluster is configured for probes")), store,
				events, properties.maxLogSize().toBytes());
	}

}
