package io.tracedoc.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.util.WebUtils;

/**
 * Reads a form with a file (the paste box and the upload of the web pages) before Spring
 * Security's CSRF check looks for the token in it, as Spring Security advises for
 * multipart forms, and answers a form over the size limits with 413 and a sentence saying
 * so. Without it the check would find no token in a form the server refused to read, and
 * answer "Form refused".
 */
class UploadLimitFilter extends OncePerRequestFilter {

	private final MultipartResolver forms = new StandardServletMultipartResolver();

	private final long maxFileBytes;

	private final long maxPasteBytes;

	UploadLimitFilter(long maxFileBytes, long maxPasteBytes) {
		this.maxFileBytes = maxFileBytes;
		this.maxPasteBytes = maxPasteBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.forms.isMultipart(request)
				|| WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) != null) {
			chain.doFilter(request, response);
			return;
		}
		MultipartHttpServletRequest form;
		try {
			form = this.forms.resolveMultipart(request);
		}
		catch (MaxUploadSizeExceededException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The form is larger than tracedoc accepts: a file up to " + DataSizes.format(this.maxFileBytes)
							+ ", the paste box up to " + DataSizes.format(this.maxPasteBytes)
							+ ". Upload a large log as a file, or send it to the REST API as text/plain.");
			problem.setTitle("Log too large");
			// the error dispatch must not read the form again
			request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, ex);
			ErrorPageController.send(problem, request, response);
			return;
		}
		try {
			chain.doFilter(form, response);
		}
		finally {
			this.forms.cleanupMultipart(form);
		}
	}

}
