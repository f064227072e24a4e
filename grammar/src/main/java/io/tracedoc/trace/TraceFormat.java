package io.tracedoc.trace;

/**
 * The shape the log reached tracedoc in, decided once per log from its first 64 KiB.
 */
public enum TraceFormat {

	/**
	 * Bytes as GitLab stores them: ESC sequences and {@code section_start:...\r\e[0K}
	 * markers.
	 */
	RAW,

	/** Raw, with the FF_TIMESTAMPS header on every line. */
	RAW_TIMESTAMPED,

	/**
	 * Raw text whose ESC bytes were removed on the way, leaving {@code [0K} and
	 * {@code [36;1m}.
	 */
	ESCAPES_STRIPPED,

	/** Copied from the job page: no markers, duration badges, often line numbers. */
	WEB_UI_COPY,

	/** Anything else: a fragment of output without any of the shapes above. */
	PLAIN_TEXT

}
