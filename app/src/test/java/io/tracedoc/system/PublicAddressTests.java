package io.tracedoc.system;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PublicAddress}: the permalinks GitLab notes and Slack messages carry.
 */
class PublicAddressTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class);

	@Test
	void linksToADiagnosisPageWithOrWithoutATrailingSlash() {
		assertThat(new PublicAddress(URI.create("https://tracedoc.example.com")).permalink("abcdefghjk23"))
			.contains("https://tracedoc.example.com/d/abcdefghjk23");
		assertThat(new PublicAddress(URI.create("https://example.com/tracedoc/")).permalink("abcdefghjk23"))
			.contains("https://example.com/tracedoc/d/abcdefghjk23");
	}

	@Test
	void givesNoLinkWithoutAnAddress() {
		assertThat(new PublicAddress(null).permalink("abcdefghjk23")).isEmpty();
	}

	@Test
	void refusesAnythingButAPlainWebAddress() {
		for (String bad : new String[] { "ftp://tracedoc", "tracedoc.example.com", "https://u:p@tracedoc.example.com",
				"https://tracedoc.example.com/?a=b" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new PublicAddress(URI.create(bad)))
				.withMessageContaining("tracedoc.public-url");
		}
	}

	@Test
	void bindsTracedocPublicUrlAndStopsTheStartUpOnABadOne() {
		this.context.withPropertyValues("tracedoc.public-url=https://tracedoc.example.com")
			.run((context) -> assertThat(context.getBean(PublicAddress.class).permalink("abcdefghjk23"))
				.contains("https://tracedoc.example.com/d/abcdefghjk23"));
		this.context.withPropertyValues("tracedoc.public-url=ftp://tracedoc")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("tracedoc.public-url"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PublicAddress.class)
	static class Properties {

	}

}
