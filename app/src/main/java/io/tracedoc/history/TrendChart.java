package io.tracedoc.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tracedoc.history.HistoryViews.FacetCount;
import io.tracedoc.history.HistoryViews.TrendDay;

/**
 * The trend of categories per day as the bars of a stacked SVG chart, laid out on the
 * server so the page needs no script: the {@value #SHOWN} most frequent categories in
 * their own colours, the rest as "other".
 *
 * @param width the chart's width
 * @param height the chart's height
 * @param bars one rectangle per category and day
 * @param legend the colour of each category shown
 * @param maxPerDay the tallest day's count, the top of the scale
 */
public record TrendChart(int width, int height, List<Bar> bars, List<Legend> legend, long maxPerDay) {

	static final int SHOWN = 6;

	static final int HEIGHT = 120;

	static final int BAR_WIDTH = 12;

	static final int GAP = 2;

	private static final String[] COLOURS = { "#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#d35400", "#16a085" };

	private static final String OTHER = "#95a5a6";

	static TrendChart of(List<TrendDay> trend) {
		Map<String, Long> totals = new LinkedHashMap<>();
		long maxPerDay = 1;
		for (TrendDay day : trend) {
			maxPerDay = Math.max(maxPerDay, day.total());
			for (FacetCount category : day.categories()) {
				totals.merge(category.value(), category.count(), Long::sum);
			}
		}
		List<String> shown = totals.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(SHOWN)
			.map(Map.Entry::getKey)
			.toList();
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < trend.size(); i++) {
			TrendDay day = trend.get(i);
			int x = i * (BAR_WIDTH + GAP);
			double top = HEIGHT;
			long other = day.total();
			for (FacetCount category : day.categories()) {
				int index = shown.indexOf(category.value());
				if (index >= 0) {
					double height = (double) HEIGHT * category.count() / maxPerDay;
					top -= height;
					bars.add(new Bar(x, top, BAR_WIDTH, height, COLOURS[index],
							day.day() + ": " + category.count() + " " + category.value()));
					other -= category.count();
				}
			}
			if (other > 0) {
				double height = (double) HEIGHT * other / maxPerDay;
				bars.add(new Bar(x, top - height, BAR_WIDTH, height, OTHER, day.day() + ": " + other + " other"));
			}
		}
		List<Legend> legend = new ArrayList<>();
		for (int i = 0; i < shown.size(); i++) {
			legend.add(new Legend(shown.get(i), COLOURS[i]));
		}
		if (totals.size() > shown.size()) {
			legend.add(new Legend("other", OTHER));
		}
		return new TrendChart(Math.max(BAR_WIDTH, trend.size() * (BAR_WIDTH + GAP)), HEIGHT, bars, legend, maxPerDay);
	}

	/**
	 * One rectangle of the chart.
	 *
	 * @param x left edge
	 * @param y top edge
	 * @param width width
	 * @param height height
	 * @param colour fill colour
	 * @param label what it counts, shown as its tooltip
	 */
	public record Bar(double x, double y, double width, double height, String colour, String label) {

	}

	/**
	 * A category's colour.
	 *
	 * @param category the category id, or {@code other}
	 * @param colour its fill colour
	 */
	public record Legend(String category, String colour) {

	}

}
