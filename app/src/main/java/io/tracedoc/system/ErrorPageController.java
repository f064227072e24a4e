package io.tracedoc.system;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where every error ends, whoever raised it (a controller, Spring Security's CSRF check,
 * Tomcat's size limits): a browser gets {@code error.html}, any other client an RFC 9457
 * problem detail. Replaces Spring Boot's {@code BasicErrorController}, whose JSON is no
 * problem detail.
 */
@Controller
@RequestMapping("/error")
class ErrorPageController implements ErrorController {

	/** The request attribute holding the problem to show, set by {@link #send}. */
	private static final String PROBLEM_ATTRIBUTE = ErrorPageController.class.getName() + ".problem";

	private final ErrorAttributes errorAttributes;

	ErrorPageController(ErrorAttributes errorAttributes) {
		this.errorAttributes = errorAttributes;
	}

	/**
	 * Answers a request with the error page for a problem, through the servlet
	 * container's error dispatch, as Spring MVC answers errors it resolves itself.
	 * @param problem what went wrong
	 * @param request the request
	 * @param response its response, not yet committed
	 * @throws IOException when the error cannot be sent
	 */
	static void send(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		request.setAttribute(PROBLEM_ATTRIBUTE, problem);
		response.sendError(problem.getStatus());
	}

	/**
	 * @param request a request
	 * @return {@code true} when the client named HTML among what it accepts (a browser),
	 * not merely any type
	 */
	static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream().anyMatch((type) -> !type.isWildcardType() && type.includes(MediaType.TEXT_HTML));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		ProblemDetail problem = problem(request);
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		return new ModelAndView("error", Map.of("problem", problem, "status", problem.getStatus()),
				(status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problemDetail(HttpServletRequest request) {
		ProblemDetail problem = problem(request);
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private ProblemDetail problem(HttpServletRequest request) {
		ProblemDetail problem;
		if (request.getAttribute(PROBLEM_ATTRIBUTE) instanceof ProblemDetail stored) {
			problem = stored;
		}
		else if (this.errorAttributes.getError(new ServletWebRequest(request)) instanceof ErrorResponse response) {
			problem = response.getBody();
		}
		else {
			Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
			problem = ProblemDetail.forStatus((code instanceof Integer number && number >= 400) ? number : 500);
		}
		if (problem.getInstance() == null
				&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			problem.setInstance(URI.create(uri));
		}
		return problem;
	}

}
