package io.tracedoc.diagnosis;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the service diagnoses logs.
 *
 * @param patternsDirectory a pattern library directory to use instead of the one in the
 * jar (authors trying new patterns); loaded and checked at start-up
 * @param maxLogSize the largest log accepted; GitLab's own limit is 100 MB
 * @param memoryStore bounds of the in-memory store used when no durable history is
 * configured
 */
@ConfigurationProperties("tracedoc.diagnosis")
public record DiagnosisProperties(Path patternsDirectory, @DefaultValue("100MB") DataSize maxLogSize,
		@DefaultValue MemoryStore memoryStore) {

	/**
	 * @param maxDiagnoses diagnoses kept
	 * @param maxLines log lines kept across them
	 */
	public record MemoryStore(@DefaultValue("500") int maxDiagnoses, @DefaultValue("5000000") long maxLines) {

	}

}
