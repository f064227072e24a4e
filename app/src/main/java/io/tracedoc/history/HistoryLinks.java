package io.tracedoc.history;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page whether the history is on, so that the navigation and the diagnosis
 * page link to it only when it is there: read from the bound property, as the history's
 * own beans decide it, never from the raw property text.
 */
@ControllerAdvice
class HistoryLinks {

	private final boolean enabled;

	HistoryLinks(HistoryProperties properties) {
		this.enabled = properties.enabled();
	}

	@ModelAttribute("historyEnabled")
	boolean historyEnabled() {
		return this.enabled;
	}

}
