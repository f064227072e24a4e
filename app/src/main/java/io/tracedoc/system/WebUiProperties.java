package io.tracedoc.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the web pages take and show logs.
 *
 * @param maxPasteSize the largest log accepted in the paste box: a pasted log is held in
 * memory while the form is read, so larger logs go through the file upload or the REST
 * API, which stream (up to {@code tracedoc.diagnosis.max-log-size})
 * @param logPageLines how many log lines the log viewer shows at once and fetches per
 * page; a 100 MB log is read page by page, never whole
 */
@ConfigurationProperties("tracedoc.web")
public record WebUiProperties(@DefaultValue("16MB") DataSize maxPasteSize, @DefaultValue("1000") int logPageLines) {

	private static final long MAX_PASTE_BYTES = 1L << 30;

	public WebUiProperties {
		if (maxPasteSize.toBytes() < 1 || maxPasteSize.toBytes() > MAX_PASTE_BYTES) {
			throw new IllegalArgumentException(
					"tracedoc.web.max-paste-size must be between 1B and 1GB (Tomcat holds form fields in an int-sized buffer)");
		}
		if (logPageLines < 10 || logPageLines > 10_000) {
			throw new IllegalArgumentException("tracedoc.web.log-page-lines must be between 10 and 10000");
		}
	}

}
