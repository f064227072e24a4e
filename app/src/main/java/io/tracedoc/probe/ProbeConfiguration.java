package io.tracedoc.probe;

import java.nio.file.Path;

import io.tracedoc.diagnosis.Probing;
import io.tracedoc.pattern.PatternCatalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The probe phase of the service: live clusters when one is configured or found, else a
 * phase that says why nothing is checked. A bad cluster configuration stops the start-up
 * with the property at fault; an unreachable cluster does not (it only makes its checks
 * NOT_CHECKED).
 */
@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

	@Bean
	Probing probing(ProbeProperties properties, PatternCatalog catalog, Environment environment) {
		if (!properties.enabled()) {
			return Probing.none("probes are turned off (tracedoc.probes.enabled=false)");
		}
		// the Environment holds the process environment and system properties
		ClusterRoutes routes = ClusterRoutes.of(properties, environment::getProperty,
				Path.of(environment.getProperty("user.home", "")));
		if (routes.isEmpty()) {
			return Probing.none("no Kubernetes cluster is configured for probes: tracedoc runs in no pod, "
					+ "finds no KUBECONFIG or ~/.kube/config, and tracedoc.probes.clusters is empty");
		}
		ProbeRegistry registry = ProbeRegistry.standard(Network.system(), properties.requestTimeout());
		registry.checkImplements(catalog.probes().keySet());
		return new ClusterProbing(routes, registry, catalog, properties.budget(),
				(target) -> target.connect(properties.requestTimeout()));
	}

}
