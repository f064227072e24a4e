package io.tracedoc.history;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where and for how long every diagnosis is kept: an embedded Lucene index on a local
 * directory.
 *
 * @param enabled keep diagnoses in the Lucene index; when {@code false} the in-memory
 * store keeps the latest ones and the history API and page are off
 * @param directory the index directory, created when missing; relative paths are resolved
 * against the working directory
 * @param maxAge diagnoses older than this are deleted (with their logs and feedback)
 * @param maxSize when the index grows beyond this, the oldest diagnoses are deleted until
 * it fits
 * @param retentionInterval how often age and size are enforced
 * @param commitInterval {@code 0s} (the default): a diagnosis is committed (fsync) before
 * it is acknowledged, concurrent ones sharing one commit; longer: commits at most this
 * often, faster for bulk imports, but a crash loses what was acknowledged since the last
 * commit
 * @param indexedLogSize how much of each log is indexed for full-text search (the whole
 * log is stored and shown either way)
 */
@ConfigurationProperties("tracedoc.history")
public record HistoryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("./data/history") Path directory,
		@DefaultValue("90d") Duration maxAge, @DefaultValue("10GB") DataSize maxSize,
		@DefaultValue("1h") Duration retentionInterval, @DefaultValue("0s") Duration commitInterval,
		@DefaultValue("16MB") DataSize indexedLogSize) {

	public HistoryProperties {
		if (maxAge.isNegative() || maxAge.isZero()) {
			throw new IllegalArgumentException("tracedoc.history.max-age must be positive, was " + maxAge);
		}
		if (maxSize.toBytes() <= 0) {
			throw new IllegalArgumentException("tracedoc.history.max-size must be positive, was " + maxSize);
		}
		if (retentionInterval.isNegative() || retentionInterval.isZero()) {
			throw new IllegalArgumentException(
					"tracedoc.history.retention-interval must be positive, was " + retentionInterval);
		}
		if (commitInterval.isNegative()) {
			throw new IllegalArgumentException(
					"tracedoc.history.commit-interval must not be negative, was " + commitInterval);
		}
	}

}
