package io.tracedoc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The tracedoc service: diagnoses failed GitLab CI jobs pasted, uploaded, or sent by
 * webhook.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TracedocApplication {

	static void start(String[] args) {
		SpringApplication.run(TracedocApplication.class, args);
	}

	public static void main(String[] args) {
		start(args);
	}

}
