package io.tracedoc.diagnosis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tracedoc.pattern.FailurePattern;
import io.tracedoc.pattern.PatternCatalog;
import io.tracedoc.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The diagnosis pages: the forms of the home page and the pattern catalogue post here,
 * and every diagnosis has its permalink page {@code /d/{id}}.
 */
@Controller
class DiagnosisController {

	private final DiagnosisService diagnoses;

	private final LogIntake intake;

	private final LogViewer viewer;

	private final PatternCatalog catalog;

	DiagnosisController(DiagnosisService diagnoses, LogIntake intake, LogViewer viewer, PatternCatalog catalog) {
		this.diagnoses = diagnoses;
		this.intake = intake;
		this.viewer = viewer;
		this.catalog = catalog;
	}

	/**
	 * Diagnoses an uploaded file, else the pasted text.
	 * @param log the paste box
	 * @param file the chosen or dropped file
	 * @param pattern a pattern being tried on the log, from its catalogue page
	 * @return the diagnosis page
	 * @throws IOException when the upload cannot be read
	 */
	@PostMapping("/diagnoses")
	String diagnose(@RequestParam(required = false) String log, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String pattern) throws IOException {
		StoredDiagnosis stored;
		if (file != null && !file.isEmpty()) {
			try (InputStream in = file.getInputStream()) {
				stored = this.intake.diagnose(in, JobContext.of(JobContext.Source.UPLOAD));
			}
		}
		else if (log != null && !log.isEmpty()) {
			stored = this.intake.diagnose(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
					JobContext.of(JobContext.Source.PASTE));
		}
		else {
			String detail = (file != null && StringUtils.hasLength(file.getOriginalFilename()))
					? "The chosen file is empty: choose the job's log file, or paste the log."
					: "Nothing to diagnose: paste the job's log, or choose its file.";
			throw Problems.of(HttpStatus.BAD_REQUEST, "Empty log", detail);
		}
		return redirectTo(stored, pattern);
	}

	/**
	 * @param jobUrl the job's web URL
	 * @return the diagnosis page
	 * @throws IOException when the log cannot be read
	 */
	@PostMapping("/diagnoses/job")
	String diagnoseJob(@RequestParam String jobUrl) throws IOException {
		return redirectTo(this.intake.diagnoseJob(jobUrl, JobContext.Source.JOB_URL), null);
	}

	/**
	 * Diagnoses one of a pattern's examples, as if it had been pasted.
	 * @param pattern the pattern's id
	 * @param example the example's index in the pattern
	 * @return the diagnosis page, saying what the pattern made of it
	 * @throws IOException never: the example is in memory
	 */
	@PostMapping("/diagnoses/example")
	String diagnoseExample(@RequestParam String pattern, @RequestParam int example) throws IOException {
		List<FailurePattern.PatternExample> examples = this.catalog.find(pattern)
			.map(FailurePattern::examples)
			.orElse(List.of());
		if (example < 0 || example >= examples.size()) {
			throw Problems.of(HttpStatus.NOT_FOUND, "No such example",
					"The pattern library has no such example; the pattern's page lists its examples.");
		}
		StoredDiagnosis stored = this.intake.diagnose(new ByteArrayInputStream(examples.get(example).log()),
				JobContext.of(JobContext.Source.PASTE));
		return redirectTo(stored, pattern);
	}

	/**
	 * @param id the permalink id
	 * @param from the index of the first log line to show
	 * @param line a line number the log viewer must show
	 * @param pattern a pattern being tried on the log
	 * @param model the page's model
	 * @return the diagnosis page
	 */
	@GetMapping("/d/{id}")
	String show(@PathVariable String id, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer line, @RequestParam(required = false) String pattern, Model model) {
		StoredDiagnosis stored = this.diagnoses.find(id).orElseThrow(DiagnosisController::notFound);
		Diagnosis diagnosis = stored.diagnosis();
		model.addAttribute("stored", stored);
		model.addAttribute("diagnosis", diagnosis);
		model.addAttribute("top", diagnosis.top());
		model.addAttribute("timeline", Timeline.of(diagnosis.trace()));
		model.addAttribute("window", this.viewer.window(id, from, line, null, LogViewer.citedLines(diagnosis))
			.orElseThrow(DiagnosisController::notFound));
		if (pattern != null) {
			this.catalog.find(pattern)
				.ifPresent((tried) -> model.addAttribute("trial", PatternTrial.of(tried, diagnosis)));
		}
		return "diagnosis/show";
	}

	private String redirectTo(StoredDiagnosis stored, String pattern) {
		UriComponentsBuilder target = UriComponentsBuilder.fromPath("/d/{id}");
		if (pattern != null && this.catalog.find(pattern).isPresent()) {
			target.queryParam("pattern", pattern);
		}
		return "redirect:" + target.buildAndExpand(stored.id()).encode().toUriString();
	}

	static RuntimeException notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "No such diagnosis",
				"tracedoc keeps no diagnosis of that id. Diagnoses kept in memory are lost when tracedoc restarts "
						+ "and the oldest are dropped when it is full.");
	}

}
