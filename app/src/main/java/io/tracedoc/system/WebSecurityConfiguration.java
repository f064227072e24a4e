package io.tracedoc.system;

import java.io.IOException;

import io.tracedoc.diagnosis.DiagnosisProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.LogoutConfigurer;
import org.springframework.security.config.annotation.web.configurers.RequestCacheConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Spring Security here guards browsers, it does not log anyone in: every page and the API
 * are public. Forms carry a CSRF token (kept in a cookie, so tracedoc holds no session),
 * and every response carries a strict Content-Security-Policy: scripts, styles and images
 * only from tracedoc itself, no inline script or style, so even markup that slipped into
 * a page could not run. Forms are read before their token is checked
 * ({@link UploadLimitFilter}). The REST API is exempt from CSRF: it is called by
 * programs, not from a browser session, and holds no cookie-based authority to abuse.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	/** The Content-Security-Policy of every response. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, DiagnosisProperties diagnosis, WebUiProperties web)
			throws Exception {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict"));
		UploadLimitFilter uploads = new UploadLimitFilter(diagnosis.maxLogSize().toBytes(),
				web.maxPasteSize().toBytes());
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.addFilterBefore(uploads, CsrfFilter.class)
			.csrf((csrf) -> csrf.csrfTokenRepository(tokens).ignoringRequestMatchers("/api/**"))
			// Slack's callbacks carry Slack's signature (io.tracedoc.slack), GitLab's
			// webhook
			// its secret token header (io.tracedoc.gitlab): neither comes with a cookie
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/slack/**", "/hooks/gitlab"))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(WebSecurityConfiguration::formRefused))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(RequestCacheConfigurer::disable)
			.logout(LogoutConfigurer::disable)
			.build();
	}

	/**
	 * Every page is public, so access is only ever denied for a missing or wrong CSRF
	 * token.
	 */
	private static void formRefused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"The form was sent without a valid token: it came from another site, or the browser "
						+ "did not keep tracedoc's cookie. Reload tracedoc's page and send it again.");
		problem.setTitle("Form refused");
		ErrorPageController.send(problem, request, response);
	}

}
