package io.tracedoc.diagnosis;

import java.time.Instant;

/**
 * A diagnosis as kept: its permalink id, when it was made, and the job it belongs to.
 *
 * @param id the permalink id ({@code /d/{id}})
 * @param createdAt when it was stored
 * @param context where the log came from
 * @param diagnosis the diagnosis, carrying the same id
 */
public record StoredDiagnosis(String id, Instant createdAt, JobContext context, Diagnosis diagnosis) {

}
