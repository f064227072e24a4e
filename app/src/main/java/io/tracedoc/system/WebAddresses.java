package io.tracedoc.system;

import java.net.URI;
import java.util.Locale;

/**
 * The one check of the web addresses tracedoc is configured with (its own, GitLab's), so
 * that a bad one stops the start-up with the same sentence.
 */
public final class WebAddresses {

	private WebAddresses() {
	}

	/**
	 * @param url the configured address
	 * @param property the property that holds it, named in the error
	 * @param example a good value, shown in the error
	 * @throws IllegalArgumentException unless it is an http(s) address with a host and
	 * without user info or query
	 */
	public static void require(URI url, String property, String example) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getQuery() != null
				|| url.getUserInfo() != null) {
			throw new IllegalArgumentException(property + " must be an http(s) URL without user info or query, such as "
					+ example + ", was " + url);
		}
	}

}
