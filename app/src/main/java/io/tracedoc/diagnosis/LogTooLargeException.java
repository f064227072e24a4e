package io.tracedoc.diagnosis;

/**
 * A log is larger than tracedoc accepts ({@code tracedoc.diagnosis.max-log-size}).
 */
public class LogTooLargeException extends RuntimeException {

	private final long limitBytes;

	/**
	 * @param limitBytes the configured limit
	 */
	public LogTooLargeException(long limitBytes) {
		super("the log is larger than the limit of " + limitBytes + " bytes");
		this.limitBytes = limitBytes;
	}

	/**
	 * @return the configured limit in bytes
	 */
	public long limitBytes() {
		return this.limitBytes;
	}

}
