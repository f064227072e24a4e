package io.tracedoc.trace;

/**
 * The stream a line was written to, from the FF_TIMESTAMPS header {@code <hh><O|E>}:
 * {@code 00} is the runner itself, {@code 01} the job script, {@code 0f} the services.
 *
 * @param id the two-digit hexadecimal stream number
 * @param stderr {@code true} for {@code E}
 */
public record LineStream(int id, boolean stderr) {

	private static final LineStream[] CACHE = new LineStream[512];

	static {
		for (int i = 0; i < 256; i++) {
			CACHE[i * 2] = new LineStream(i, false);
			CACHE[i * 2 + 1] = new LineStream(i, true);
		}
	}

	static LineStream of(int id, boolean stderr) {
		return CACHE[(id & 0xff) * 2 + (stderr ? 1 : 0)];
	}

	/**
	 * @return {@code true} for lines the runner wrote itself (stream {@code 00})
	 */
	public boolean runner() {
		return this.id == 0;
	}

}
