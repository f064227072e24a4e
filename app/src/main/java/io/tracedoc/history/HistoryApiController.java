package io.tracedoc.history;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tracedoc.diagnosis.DiagnosisIds;
import io.tracedoc.history.HistoryViews.Cluster;
import io.tracedoc.history.HistoryViews.FeedbackEntry;
import io.tracedoc.history.HistoryViews.SearchPage;
import io.tracedoc.history.HistoryViews.Similar;
import io.tracedoc.history.HistoryViews.Stats;
import io.tracedoc.pattern.Category;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The history's JSON API: search, statistics, similar failures, unknown clusters with
 * their drafted patterns, and feedback. Errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnBooleanProperty(name = "tracedoc.history.enabled", matchIfMissing = true)
class HistoryApiController {

	static final int MAX_LIMIT = 100;

	private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{16}");

	private final HistorySearch search;

	private final LuceneDiagnosisStore store;

	HistoryApiController(HistorySearch search, LuceneDiagnosisStore store) {
		this.search = search;
		this.store = store;
	}

	@GetMapping("/diagnoses")
	SearchPage diagnoses(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(required = false) String project, @RequestParam(required = false) String pattern,
			@RequestParam(required = false) String runner, @RequestParam(required = false) String namespace,
			@RequestParam(required = false) String since, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "20") int limit) {
		if (offset < 0 || offset > 10_000) {
			throw badRequest("offset must be between 0 and 10000");
		}
		return this.search.search(new HistoryViews.Query(q, HistoryFilters.category(category), project, pattern, runner,
				namespace, HistoryFilters.since(since, Instant.now()), offset, limit(limit)));
	}

	@GetMapping("/stats")
	Stats stats(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(required = false) String project, @RequestParam(required = false) String pattern,
			@RequestParam(required = false) String runner, @RequestParam(required = false) String namespace,
			@RequestParam(required = false) String since) {
		return this.search.stats(new HistoryViews.Query(q, HistoryFilters.category(category), project, pattern, runner,
				namespace, HistoryFilters.since(since, Instant.now()), 0, 1));
	}

	@GetMapping("/diagnoses/{id}/similar")
	Similar similar(@PathVariable String id) {
		return (DiagnosisIds.plausible(id) ? this.search.similar(id) : Optional.<Similar>empty())
			.orElseThrow(() -> notFound("no diagnosis " + id));
	}

	@PostMapping(path = "/diagnoses/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Feedback> feedback(@PathVariable String id, @RequestBody FeedbackRequest request) {
		Feedback.Verdict verdict = (request != null) ? HistoryFilters.verdict(request.verdict()) : null;
		if (verdict == null) {
			throw badRequest("say whether the diagnosis was right or wrong: {\"verdict\": \"right\"|\"wrong\"}");
		}
		Category correct = HistoryFilters.category(request.category());
		if (!DiagnosisIds.plausible(id)) {
			throw notFound("no diagnosis " + id);
		}
		Feedback feedback = this.store.feedback(id, verdict, correct, request.note())
			.orElseThrow(() -> notFound("no diagnosis " + id));
		return ResponseEntity.created(URI.create("/api/v1/diagnoses/" + id + "/feedback")).body(feedback);
	}

	@GetMapping("/feedback")
	List<FeedbackEntry> feedbackList(@RequestParam(required = false) String verdict,
			@RequestParam(defaultValue = "50") int limit) {
		return this.search.feedback(HistoryFilters.verdict(verdict), limit(limit));
	}

	@GetMapping("/clusters")
	List<Cluster> clusters(@RequestParam(required = false) String since, @RequestParam(defaultValue = "10") int limit) {
		return this.search.clusters(HistoryViews.Query.period(HistoryFilters.since(since, Instant.now())),
				limit(limit));
	}

	@GetMapping("/clusters/{signature}")
	Cluster cluster(@PathVariable String signature, @RequestParam(defaultValue = "20") int limit) {
		return (SIGNATURE.matcher(signature).matches() ? this.search.cluster(signature, limit(limit))
				: Optional.<Cluster>empty())
			.orElseThrow(() -> notFound("no unknown cluster " + signature));
	}

	@GetMapping(path = "/clusters/{signature}/pattern", produces = "application/yaml")
	ResponseEntity<String> draftPattern(@PathVariable String signature) {
		String yaml = (SIGNATURE.matcher(signature).matches() ? this.search.draftPattern(signature)
				: Optional.<String>empty())
			.orElseThrow(() -> notFound("no unknown cluster " + signature));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("draft-" + signature + ".yaml").build().toString())
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.body(yaml);
	}

	@ExceptionHandler({ InvalidQueryException.class, HistoryFilters.InvalidFilterException.class })
	ProblemDetail invalidFilter(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle((ex instanceof InvalidQueryException) ? "Invalid query" : "Invalid filter");
		return problem;
	}

	private static int limit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw badRequest("limit must be between 1 and " + MAX_LIMIT);
		}
		return limit;
	}

	private static ResponseStatusException badRequest(String detail) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
	}

	private static ResponseStatusException notFound(String detail) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
	}

	/**
	 * What a person says about a diagnosis.
	 *
	 * @param verdict {@code right} or {@code wrong}
	 * @param category the category it should have had (a taxonomy id), optional
	 * @param note free text, optional
	 */
	record FeedbackRequest(String verdict, String category, String note) {

	}

}
