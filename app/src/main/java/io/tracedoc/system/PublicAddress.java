package io.tracedoc.system;

import java.net.URI;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * tracedoc's own address as people reach it, for the permalinks that GitLab notes and
 * Slack messages carry. Checked at start-up.
 *
 * @param publicUrl {@code tracedoc.public-url}, such as
 * {@code https://tracedoc.example.com}; none: messages name a diagnosis by its id only
 */
@ConfigurationProperties("tracedoc")
public record PublicAddress(URI publicUrl) {

	public PublicAddress {
		if (publicUrl != null) {
			WebAddresses.require(publicUrl, "tracedoc.public-url", "https://tracedoc.example.com");
		}
	}

	/**
	 * @param id a diagnosis id
	 * @return the address of its page, when tracedoc's own address is configured
	 */
	public Optional<String> permalink(String id) {
		if (this.publicUrl == null || id == null) {
			return Optional.empty();
		}
		String base = this.publicUrl.toString();
		return Optional.of((base.endsWith("/") ? base : base + "/") + "d/" + id);
	}

}
