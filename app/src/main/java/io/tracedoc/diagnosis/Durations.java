package io.tracedoc.diagnosis;

/**
 * Durations as GitLab's job page writes them beside a section: {@code 00:14},
 * {@code 02:40}, {@code 1:05:00}.
 */
final class Durations {

	private Durations() {
	}

	/**
	 * @param seconds a duration in seconds, or {@code null}
	 * @return the duration written out, or {@code null} when unknown
	 */
	static String format(Long seconds) {
		if (seconds == null || seconds < 0) {
			return null;
		}
		long hours = seconds / 3600;
		long minutes = (seconds % 3600) / 60;
		long rest = seconds % 60;
		return (hours > 0) ? String.format("%d:%02d:%02d", hours, minutes, rest)
				: String.format("%02d:%02d", minutes, rest);
	}

}
