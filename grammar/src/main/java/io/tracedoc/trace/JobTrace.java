package io.tracedoc.trace;

import java.util.List;

/**
 * A whole parsed job log: its summary and every line.
 *
 * @param summary everything but the lines
 * @param lines the lines, in order
 */
public record JobTrace(TraceSummary summary, List<TraceLine> lines) {

	public JobTrace {
		lines = List.copyOf(lines);
	}

	/**
	 * @param section a section
	 * @return the lines inside it, nested sections included
	 */
	public List<TraceLine> linesOf(TraceSection section) {
		if (section.firstLine() < 0) {
			return List.of();
		}
		int from = indexOfNumber(section.firstLine());
		int to = indexOfNumber(section.lastLine());
		return (from < 0 || to < from) ? List.of() : this.lines.subList(from, to + 1);
	}

	/**
	 * @param number a line number as the web UI shows it
	 * @return the line, or {@code null}
	 */
	public TraceLine line(int number) {
		int index = indexOfNumber(number);
		return (index >= 0) ? this.lines.get(index) : null;
	}

	private int indexOfNumber(int number) {
		int low = 0;
		int high = this.lines.size() - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int found = this.lines.get(middle).number();
			if (found < number) {
				low = middle + 1;
			}
			else if (found > number) {
				high = middle - 1;
			}
			else {
				return middle;
			}
		}
		return -1;
	}

}
