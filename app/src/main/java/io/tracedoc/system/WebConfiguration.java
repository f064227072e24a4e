package io.tracedoc.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.tracedoc.diagnosis.DiagnosisProperties;
import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Size limits of the web server derived from tracedoc's own limits, so one property
 * decides what is accepted and a body over it is refused while it is read, and the
 * OpenAPI description of the REST API.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** Room for the form's small fields (CSRF token, pattern id) beside the paste box. */
	private static final long FORM_FIELDS_BYTES = 4 * 1024;

	/**
	 * Uploaded files are written to disk as they arrive (threshold 0), up to the log size
	 * limit; the whole form may hold one such file and one pasted log.
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(DiagnosisProperties diagnosis, WebUiProperties web) {
		long maxLog = diagnosis.maxLogSize().toBytes();
		return new MultipartConfigElement("", maxLog, maxLog + web.maxPasteSize().toBytes() + FORM_FIELDS_BYTES, 0);
	}

	/**
	 * Tomcat holds form fields (the paste box) in memory: bound them by the paste limit
	 * rather than Tomcat's default of 2 MB.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> pasteSizeLimit(WebUiProperties web) {
		int maxPaste = (int) (web.maxPasteSize().toBytes() + FORM_FIELDS_BYTES);
		return (factory) -> factory.addConnectorCustomizers((connector) -> connector.setMaxPostSize(maxPaste));
	}

	@Bean
	OpenAPI tracedocOpenApi() {
		return new OpenAPI().info(new Info().title("tracedoc")
			.version("v1")
			.description("Why a GitLab CI job failed on the Kubernetes executor, and how to fix it. "
					+ "POST a job log, get the Diagnosis JSON (docs/diagnosis-json.md); browse the pattern library. "
					+ "Errors are RFC 9457 problem details."));
	}

}
