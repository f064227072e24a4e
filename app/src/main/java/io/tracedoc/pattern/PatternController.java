package io.tracedoc.pattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tracedoc.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The pattern catalogue: pages to browse the library by category and read one pattern
 * (and try it on a log), and the same in the REST API.
 */
@Controller
@Tag(name = "patterns", description = "The pattern library: the failures tracedoc recognises")
class PatternController {

	private final PatternCatalog catalog;

	PatternController(PatternCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * @param category a category id to show alone
	 * @param model the page's model
	 * @return the catalogue page
	 */
	@GetMapping("/patterns")
	String list(@RequestParam(required = false) String category, Model model) {
		Category only = (category != null) ? Category.fromId(category).orElseThrow(PatternController::noCategory)
				: null;
		Map<String, List<CategoryPatterns>> groups = new LinkedHashMap<>();
		for (Category each : Category.values()) {
			List<PatternSummary> patterns = this.catalog.inCategory(each).stream().map(PatternSummary::of).toList();
			if (!patterns.isEmpty() && (only == null || only == each)) {
				groups.computeIfAbsent(each.group(), (group) -> new ArrayList<>())
					.add(new CategoryPatterns(each, patterns));
			}
		}
		model.addAttribute("groups", groups);
		model.addAttribute("category", only);
		model.addAttribute("count", this.catalog.size());
		return "patterns/list";
	}

	/**
	 * @param id a pattern id
	 * @param model the page's model
	 * @return the pattern's page
	 */
	@GetMapping("/patterns/{id}")
	String show(@PathVariable String id, Model model) {
		model.addAttribute("pattern", PatternDetail.of(find(id)));
		return "patterns/show";
	}

	@Operation(summary = "List every pattern, by category in taxonomy order, then by id")
	@GetMapping(path = "/api/v1/patterns", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<PatternSummary> patterns() {
		return this.catalog.patterns().stream().map(PatternSummary::of).toList();
	}

	@Operation(summary = "Read a pattern: description, remediation, fix templates, probes and examples")
	@ApiResponse(responseCode = "200", description = "the pattern")
	@ApiResponse(responseCode = "404", description = "no pattern has this id",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping(path = "/api/v1/patterns/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PatternDetail pattern(@PathVariable String id) {
		return PatternDetail.of(find(id));
	}

	private FailurePattern find(String id) {
		return this.catalog.find(id)
			.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "No such pattern",
					"The pattern library has no pattern of that id; the catalogue lists them all."));
	}

	private static RuntimeException noCategory() {
		return Problems.of(HttpStatus.NOT_FOUND, "No such category",
				"The taxonomy has no category of that id; the catalogue lists them all.");
	}

	/**
	 * A category with its patterns.
	 *
	 * @param category the category
	 * @param patterns its patterns
	 */
	record CategoryPatterns(Category category, List<PatternSummary> patterns) {

	}

}
