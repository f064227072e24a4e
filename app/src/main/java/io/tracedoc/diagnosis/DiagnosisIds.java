package io.tracedoc.diagnosis;

import java.security.SecureRandom;

/**
 * Permalink ids: unguessable, short enough to read aloud, safe in URLs
 * ({@code d4k9m2x7q1w8}).
 */
public final class DiagnosisIds {

	private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private DiagnosisIds() {
	}

	/**
	 * @return a new id of 12 characters (60 random bits)
	 */
	public static String next() {
		char[] id = new char[12];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}

	/**
	 * @param id text from a URL
	 * @return {@code true} when it has the shape of an id (checked before any lookup)
	 */
	public static boolean plausible(String id) {
		if (id == null || id.length() != 12) {
			return false;
		}
		for (char c : id.toCharArray()) {
			if (new String(ALPHABET).indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

}
