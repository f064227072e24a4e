package io.tracedoc.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.tracedoc.diagnosis.DiagnosisProperties;
import io.tracedoc.history.HistoryProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Adds to a {@code @WebMvcTest} what every page and API answer goes through in the
 * service: tracedoc's Spring Security chain (CSRF, Content-Security-Policy, the form size
 * check) and the properties it reads.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(WebSecurityConfiguration.class)
@EnableConfigurationProperties({ WebUiProperties.class, DiagnosisProperties.class, HistoryProperties.class })
public @interface WebSlice {

}
