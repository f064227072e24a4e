package io.tracedoc.system;

/**
 * Sizes as people write them in a sentence: {@code 100 MB}, {@code 64 KB},
 * {@code 1000 bytes}.
 */
final class DataSizes {

	private static final long KB = 1024;

	private static final long MB = KB * KB;

	private DataSizes() {
	}

	static String format(long bytes) {
		if (bytes >= MB && bytes % MB == 0) {
			return (bytes / MB) + " MB";
		}
		if (bytes >= KB && bytes % KB == 0) {
			return (bytes / KB) + " KB";
		}
		return bytes + " bytes";
	}

}
