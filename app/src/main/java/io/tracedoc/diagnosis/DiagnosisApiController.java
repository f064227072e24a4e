package io.tracedoc.diagnosis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tracedoc.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The diagnoses of the REST API. A diagnosis is answered in exactly the form of
 * {@code tracedoc diagnose --json} ({@link DiagnosisJson}, docs/diagnosis-json.md).
 */
@RestController
@RequestMapping("/api/v1/diagnoses")
@Tag(name = "diagnoses", description = "Diagnose a job log, read a diagnosis and its stored, redacted log")
class DiagnosisApiController {

	private static final String DIAGNOSIS_JSON = "the Diagnosis JSON (docs/diagnosis-json.md)";

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final DiagnosisService diagnoses;

	private final LogIntake intake;

	private final LogViewer viewer;

	private final JsonMapper json;

	DiagnosisApiController(DiagnosisService diagnoses, LogIntake intake, LogViewer viewer, JsonMapper json) {
		this.diagnoses = diagnoses;
		this.intake = intake;
		this.viewer = viewer;
		this.json = json;
	}

	/**
	 * Documents both ways to post a log: OpenAPI has one operation per path and method.
	 */
	@Operation(summary = "Diagnose a job log",
			description = "Send the log as text/plain (streamed), or JSON {\"log\": \"...\"} (read whole), or JSON "
					+ "{\"jobUrl\": \"https://gitlab.example.com/group/project/-/jobs/42\"} to have tracedoc fetch it "
					+ "from GitLab, which needs a configured GitLab token. Logs up to tracedoc.diagnosis.max-log-size "
					+ "(100 MB). Answers 201 with the diagnosis, its Location and a Link to its web page.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = DiagnosisRequest.class)) }),
			responses = {
					@ApiResponse(responseCode = "201", description = DIAGNOSIS_JSON,
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = Diagnosis.class))),
					@ApiResponse(responseCode = "400", description = "an empty log, or JSON of another form",
							content = @Content(mediaType = PROBLEM,
									schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "413", description = "the log exceeds tracedoc.diagnosis.max-log-size",
							content = @Content(mediaType = PROBLEM,
									schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "415", description = "neither text/plain nor JSON",
							content = @Content(mediaType = PROBLEM,
									schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "422", description = "no text log: an archive, an image, UTF-16",
							content = @Content(mediaType = PROBLEM,
									schema = @Schema(implementation = ProblemDetail.class))),
					@ApiResponse(responseCode = "501", description = "a job URL, but no GitLab token is configured",
							content = @Content(mediaType = PROBLEM,
									schema = @Schema(implementation = ProblemDetail.class))) })
	@PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> diagnoseText(@Parameter(hidden = true) InputStream body, HttpServletRequest request)
			throws IOException {
		refuseDeclaredOverLimit(request);
		return created(this.intake.diagnose(body, JobContext.of(JobContext.Source.API)));
	}

	@Operation(hidden = true)
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> diagnoseJson(@Parameter(hidden = true) InputStream body, HttpServletRequest request)
			throws IOException {
		refuseDeclaredOverLimit(request);
		byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.diagnoses.maxLogBytes() + 1));
		if (content.length > this.diagnoses.maxLogBytes()) {
			throw new LogTooLargeException(this.diagnoses.maxLogBytes());
		}
		DiagnosisRequest diagnosisRequest = parse(content);
		boolean hasLog = diagnosisRequest.log() != null;
		boolean hasJob = diagnosisRequest.jobUrl() != null;
		if (hasLog == hasJob) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Malformed request",
					"Send either {\"log\": \"...\"} or {\"jobUrl\": \"...\"}, exactly one of them.");
		}
		if (hasJob) {
			return created(this.intake.diagnoseJob(diagnosisRequest.jobUrl(), JobContext.Source.JOB_URL));
		}
		return created(
				this.intake.diagnose(new ByteArrayInputStream(diagnosisRequest.log().getBytes(StandardCharsets.UTF_8)),
						JobContext.of(JobContext.Source.API)));
	}

	@Operation(summary = "Read a diagnosis")
	@ApiResponse(responseCode = "200", description = DIAGNOSIS_JSON,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = Diagnosis.class)))
	@ApiResponse(responseCode = "404", description = "no diagnosis has this id",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> diagnosis(@PathVariable String id) {
		StoredDiagnosis stored = this.diagnoses.find(id).orElseThrow(DiagnosisController::notFound);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(jsonOf(stored.diagnosis()));
	}

	@Operation(summary = "Read part of a diagnosis's stored log, redacted, as the log viewer shows it",
			description = "Lines from the index 'from' (0-based), or the page holding line number 'line' "
					+ "(as the job page numbers it); 'count' lines at most (default a page, at most 10000).")
	@ApiResponse(responseCode = "200", description = "the lines, as the log viewer shows them")
	@ApiResponse(responseCode = "404", description = "no diagnosis has this id",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping(path = "/{id}/log", produces = MediaType.APPLICATION_JSON_VALUE)
	LogWindow log(@PathVariable String id, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer line, @RequestParam(required = false) Integer count) {
		StoredDiagnosis stored = this.diagnoses.find(id).orElseThrow(DiagnosisController::notFound);
		return this.viewer.window(id, from, line, count, LogViewer.citedLines(stored.diagnosis()))
			.orElseThrow(DiagnosisController::notFound);
	}

	/** A declared length over the limit is refused before a byte of the body is read. */
	private void refuseDeclaredOverLimit(HttpServletRequest request) {
		if (request.getContentLengthLong() > this.diagnoses.maxLogBytes()) {
			throw new LogTooLargeException(this.diagnoses.maxLogBytes());
		}
	}

	private DiagnosisRequest parse(byte[] content) {
		try {
			DiagnosisRequest request = this.json.readValue(content, DiagnosisRequest.class);
			if (request != null) {
				return request;
			}
		}
		catch (JacksonException ex) {
			// answered below
		}
		throw Problems.of(HttpStatus.BAD_REQUEST, "Malformed request",
				"The body is not JSON of the form {\"log\": \"...\"} or {\"jobUrl\": \"...\"}.");
	}

	private ResponseEntity<byte[]> created(StoredDiagnosis stored) {
		return ResponseEntity.created(URI.create("/api/v1/diagnoses/" + stored.id()))
			.header(HttpHeaders.LINK, "</d/" + stored.id() + ">; rel=\"alternate\"; type=\"text/html\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(jsonOf(stored.diagnosis()));
	}

	private static byte[] jsonOf(Diagnosis diagnosis) {
		return DiagnosisJson.toJson(diagnosis).getBytes(StandardCharsets.UTF_8);
	}

}
