package io.tracedoc.probe;

/**
 * Thrown when a probe cannot tell: what it needs is not in the log, the API refused or
 * did not answer. The message is the reason shown with the NOT_CHECKED result, one
 * sentence a user can act on.
 */
final class NotCheckable extends RuntimeException {

	private final boolean forbidden;

	NotCheckable(String reason) {
		this(reason, false);
	}

	private NotCheckable(String reason, boolean forbidden) {
		super(reason, null, false, false);
		this.forbidden = forbidden;
	}

	/**
	 * @param reason what tracedoc may not do, and how to grant it
	 * @return the exception for a request the API server refused with 403
	 */
	static NotCheckable forbidden(String reason) {
		return new NotCheckable(reason, true);
	}

	/**
	 * @return {@code true} when tracedoc's own permissions were not enough, so a probe
	 * may try another way
	 */
	boolean forbidden() {
		return this.forbidden;
	}

}
