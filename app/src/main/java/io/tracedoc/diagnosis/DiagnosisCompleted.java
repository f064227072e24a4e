package io.tracedoc.diagnosis;

/**
 * Published when a diagnosis is stored, for whoever reacts to diagnoses (metrics,
 * notifications).
 *
 * @param stored the stored diagnosis
 */
public record DiagnosisCompleted(StoredDiagnosis stored) {

}
