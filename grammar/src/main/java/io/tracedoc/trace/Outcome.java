package io.tracedoc.trace;

/**
 * How the job ended, as far as the log tells.
 */
public enum Outcome {

	/** {@code Job succeeded}. */
	SUCCEEDED,

	/** {@code ERROR: Job failed: ...} for any reason but cancellation. */
	FAILED,

	/** {@code ERROR: Job failed: canceled}. */
	CANCELED,

	/** The runner's output limit cut the log before the final status line. */
	TRUNCATED,

	/** The log ends without a final status line: a fragment, or a job still running. */
	UNKNOWN

}
