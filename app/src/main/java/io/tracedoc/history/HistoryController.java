package io.tracedoc.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tracedoc.history.HistoryViews.FacetCount;
import io.tracedoc.history.HistoryViews.SearchPage;
import io.tracedoc.history.HistoryViews.Stats;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The history page: a search box (Lucene query syntax), facet filters, the trend of
 * categories per day, the biggest clusters of unknown failures, and the matching
 * diagnoses, each linked to its permalink.
 */
@Controller
@ConditionalOnBooleanProperty(name = "tracedoc.history.enabled", matchIfMissing = true)
class HistoryController {

	static final int ROWS = 50;

	static final int CLUSTERS = 5;

	private final HistorySearch search;

	HistoryController(HistorySearch search) {
		this.search = search;
	}

	@GetMapping("/history")
	String history(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			@RequestParam(required = false) String project, @RequestParam(required = false) String pattern,
			@RequestParam(required = false) String runner, @RequestParam(required = false) String namespace,
			@RequestParam(required = false) String since, Model model, HttpServletResponse response) {
		model.addAttribute("q", q);
		model.addAttribute("category", category);
		model.addAttribute("project", project);
		model.addAttribute("pattern", pattern);
		model.addAttribute("runner", runner);
		model.addAttribute("namespace", namespace);
		model.addAttribute("since", since);
		HistoryViews.Query query;
		SearchPage page;
		try {
			query = new HistoryViews.Query(q, HistoryFilters.category(category), project, pattern, runner, namespace,
					HistoryFilters.since(since, Instant.now()), 0, ROWS);
			page = this.search.search(query);
		}
		catch (InvalidQueryException | HistoryFilters.InvalidFilterException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", ex.getMessage());
			return "history/index";
		}
		Stats stats = this.search.stats(query);
		model.addAttribute("page", page);
		model.addAttribute("facets", facetLinks(page, q, category, project, pattern, runner, namespace, since));
		model.addAttribute("stats", stats);
		model.addAttribute("chart", TrendChart.of(stats.trend()));
		model.addAttribute("clusters", this.search.clusters(query, CLUSTERS));
		return "history/index";
	}

	/**
	 * Links that narrow the search to one facet value, the other filters kept; the link
	 * of a value already filtered on removes that filter.
	 */
	private static Map<String, List<FacetLink>> facetLinks(SearchPage page, String... filters) {
		Map<String, String> current = new LinkedHashMap<>();
		for (int i = 0; i < FILTERS.size(); i++) {
			current.put(FILTERS.get(i), filters[i]);
		}
		Map<String, List<FacetLink>> links = new LinkedHashMap<>();
		page.facets().forEach((dimension, counts) -> {
			if (!FILTERS.contains(dimension)) {
				return;
			}
			List<FacetLink> values = new ArrayList<>();
			for (FacetCount count : counts) {
				boolean active = count.value().equals(current.get(dimension));
				UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/history");
				current.forEach((name, value) -> {
					String wanted = name.equals(dimension) ? (active ? null : count.value()) : value;
					if (wanted != null && !wanted.isBlank()) {
						uri.queryParam(name, wanted);
					}
				});
				values.add(new FacetLink(count.value(), count.count(), uri.encode().build().toUriString(), active));
			}
			links.put(dimension, values);
		});
		return links;
	}

	/** The page's filters, in the order {@link #history} receives them. */
	private static final List<String> FILTERS = List.of("q", "category", "project", "pattern", "runner", "namespace",
			"since");

	/**
	 * One value of a facet on the page.
	 *
	 * @param value the value
	 * @param count how many diagnoses have it
	 * @param href the page filtered on it (or no longer filtered, when active)
	 * @param active the search is filtered on it
	 */
	public record FacetLink(String value, long count, String href, boolean active) {

	}

}
