package io.tracedoc.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The errors controllers raise: an RFC 9457 problem detail the API returns as it is and
 * the error page shows in words. Titles and details are fixed sentences, never text from
 * the request, so no log content can reach an error.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * @param status the HTTP status
	 * @param title a short, stable summary of the kind of problem
	 * @param detail what happened and what to do about it
	 * @return the exception to throw
	 */
	public static ErrorResponseException of(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
