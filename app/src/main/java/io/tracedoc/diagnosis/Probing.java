package io.tracedoc.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * The probe phase: asks the live cluster, read-only, whether each finding holds, after
 * the deterministic diagnosis and within a time budget. Implemented by the probe feature;
 * without a cluster, {@link #none} marks every check NOT_CHECKED with the reason.
 */
public interface Probing {

	/**
	 * @param diagnosis the diagnosis from the log alone
	 * @param context the job, whose runner picks the cluster
	 * @return the diagnosis with every probe's result, findings re-ranked, findings the
	 * cluster contradicts moved to ruled out
	 */
	Diagnosis confirm(Diagnosis diagnosis, JobContext context);

	/**
	 * @param reason why nothing is checked, shown with every probe
	 * @return a probe phase that checks nothing and says why
	 */
	static Probing none(String reason) {
		return (diagnosis, context) -> {
			List<Finding> findings = new ArrayList<>();
			for (Finding finding : diagnosis.findings()) {
				List<ProbeCheck> checks = finding.probes()
					.stream()
					.map((check) -> check.withResult(ProbeStatus.NOT_CHECKED, reason, check.observed(),
							check.evidence()))
					.toList();
				findings.add(finding.withProbes(finding.confidence(), checks, finding.fix()));
			}
			return diagnosis.withProbeResults(findings, diagnosis.ruledOut(), 0);
		};
	}

}
