package io.tracedoc.diagnosis;

import java.util.List;

import io.tracedoc.trace.FinalStatus;
import io.tracedoc.trace.RunnerInfo;
import io.tracedoc.trace.TraceFormat;
import io.tracedoc.trace.TraceSection;
import io.tracedoc.trace.Truncation;

/**
 * What the log says about the job, for the reader of a diagnosis.
 *
 * @param format the shape the log came in
 * @param runner runner, executor, namespace, image, pod, node
 * @param finalStatus the runner's final status line (its error joined when a copy wrapped
 * it), or {@code null}
 * @param failingSection the stage the job failed in, or {@code null}
 * @param stages the top-level sections with their durations: where the job's time went
 * @param sectionCount every section, nested ones included
 * @param truncation the output-limit notice, or {@code null}
 * @param startsMidway the log lacks its beginning
 * @param endsMidway the log lacks its end
 * @param bytes the log's size
 * @param lines the log's lines
 */
public record TraceFacts(TraceFormat format, RunnerInfo runner, FinalStatus finalStatus, TraceSection failingSection,
		List<TraceSection> stages, int sectionCount, Truncation truncation, boolean startsMidway, boolean endsMidway,
		long bytes, int lines) {

	public TraceFacts {
		stages = List.copyOf(stages);
	}

}
