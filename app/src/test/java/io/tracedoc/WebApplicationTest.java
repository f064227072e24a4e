package io.tracedoc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole service on a random port, with limits small enough for tests to cross them
 * and log pages short enough to page through a small log. Every class with it shares one
 * running service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tracedoc.web.max-paste-size=" + WebApplicationTest.MAX_PASTE_BYTES + "B",
				"tracedoc.diagnosis.max-log-size=" + WebApplicationTest.MAX_LOG_BYTES + "B",
				"tracedoc.web.log-page-lines=" + WebApplicationTest.PAGE_LINES })
@interface WebApplicationTest {

	/** The paste box's limit. */
	int MAX_PASTE_BYTES = 64 * 1024;

	/** The log size limit. */
	int MAX_LOG_BYTES = 256 * 1024;

	/** Lines per page of the log viewer. */
	int PAGE_LINES = 25;

}
