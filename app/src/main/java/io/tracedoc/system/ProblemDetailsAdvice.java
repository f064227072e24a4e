package io.tracedoc.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.tracedoc.diagnosis.LogTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error a controller meets into one RFC 9457 problem detail: Spring MVC's own
 * (415, 405, 400 ...), tracedoc's ({@link LogTooLargeException}), and those controllers
 * raise as {@link org.springframework.web.ErrorResponseException}. A browser gets the
 * same problem as the error page.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ResponseEntity<Object> logTooLarge(LogTooLargeException ex, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The log is larger than the " + DataSizes.format(ex.limitBytes())
						+ " tracedoc accepts (tracedoc.diagnosis.max-log-size); nothing was kept.");
		problem.setTitle("Log too large");
		problem.setProperty("limitBytes", ex.limitBytes());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"tracedoc has no page or file at this address.");
		problem.setTitle("Not found");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && ErrorPageController.wantsPage(servlet.getRequest())) {
			return sendPage(problemOf(ex, body, status), servlet.getRequest(), servlet.getResponse());
		}
		return super.handleExceptionInternal(ex, body, headers, status, request);
	}

	private ProblemDetail problemOf(Exception ex, Object body, HttpStatusCode status) {
		if (body instanceof ProblemDetail problem) {
			return problem;
		}
		if (ex instanceof ErrorResponse response) {
			return response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		return ProblemDetail.forStatus(status);
	}

	/** The error page is rendered by the error dispatch; nothing is written here. */
	private ResponseEntity<Object> sendPage(ProblemDetail problem, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			ErrorPageController.send(problem, request, response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return null;
	}

}
