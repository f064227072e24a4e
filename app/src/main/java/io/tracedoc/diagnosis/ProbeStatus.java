package io.tracedoc.diagnosis;

/**
 * What a probe concluded about a finding.
 */
public enum ProbeStatus {

	/** The cluster shows what the finding claims. */
	CONFIRMED,

	/** The cluster contradicts the finding. */
	RULED_OUT,

	/**
	 * Nothing was checked: no cluster, no permission, no answer in time, or nothing to
	 * check.
	 */
	NOT_CHECKED

}
