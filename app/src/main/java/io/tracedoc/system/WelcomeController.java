package io.tracedoc.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import io.tracedoc.diagnosis.DiagnosisProperties;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.gitlab.JobTraceFetcher;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The home page: paste a log, upload one, give a job URL, or try a sample.
 */
@Controller
class WelcomeController {

	private final SampleLogs samples;

	private final DiagnosisService diagnoses;

	private final JobTraceFetcher gitlab;

	private final DiagnosisProperties diagnosisProperties;

	private final WebUiProperties web;

	WelcomeController(SampleLogs samples, DiagnosisService diagnoses, JobTraceFetcher gitlab,
			DiagnosisProperties diagnosisProperties, WebUiProperties web) {
		this.samples = samples;
		this.diagnoses = diagnoses;
		this.gitlab = gitlab;
		this.diagnosisProperties = diagnosisProperties;
		this.web = web;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("samples", this.samples.all());
		model.addAttribute("gitlabConfigured", this.gitlab.configured());
		model.addAttribute("maxLogSize", DataSizes.format(this.diagnosisProperties.maxLogSize().toBytes()));
		model.addAttribute("maxPasteSize", DataSizes.format(this.web.maxPasteSize().toBytes()));
		return "home";
	}

	@PostMapping("/samples/{name}")
	String diagnoseSample(@PathVariable String name) throws IOException {
		SampleLogs.Sample sample = this.samples.find(name)
			.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "No such sample",
					"tracedoc has no sample log of that name; the home page lists them."));
		StoredDiagnosis stored = this.diagnoses.diagnose(new ByteArrayInputStream(sample.log()),
				JobContext.of(JobContext.Source.PASTE));
		return "redirect:/d/" + stored.id();
	}

}
