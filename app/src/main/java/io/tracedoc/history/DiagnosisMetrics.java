package io.tracedoc.history;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisCompleted;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.ProbeCheck;
import io.tracedoc.pattern.Category;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Diagnoses as Prometheus metrics ({@code /actuator/prometheus}): how many by category
 * and pattern, the share no pattern explains, what the probes concluded, and how long the
 * engine took. Counted as each diagnosis completes, since the service started.
 */
@Component
class DiagnosisMetrics {

	private final MeterRegistry registry;

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong unknown = new AtomicLong();

	private final Timer parseAndMatch;

	private final Timer probes;

	DiagnosisMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("tracedoc.diagnoses.unknown.ratio", this, DiagnosisMetrics::unknownRatio)
			.description("Share of failed jobs since start that no pattern explains")
			.register(registry);
		this.parseAndMatch = latency(registry, "parse-and-match");
		this.probes = latency(registry, "probes");
	}

	@EventListener
	void completed(DiagnosisCompleted event) {
		Diagnosis diagnosis = event.stored().diagnosis();
		Finding top = diagnosis.top();
		Counter.builder("tracedoc.diagnoses")
			.description("Diagnoses made, by category and by the pattern that named it")
			.tag("category", diagnosis.category().id())
			.tag("pattern", (top != null) ? top.pattern() : "none")
			.register(this.registry)
			.increment();
		if (diagnosis.category() != Category.JOB_SUCCEEDED) {
			this.failed.incrementAndGet();
		}
		if (diagnosis.category() == Category.UNKNOWN) {
			this.unknown.incrementAndGet();
		}
		for (Finding finding : diagnosis.findings()) {
			for (ProbeCheck check : finding.probes()) {
				Counter.builder("tracedoc.probe.checks")
					.description("Probe checks run for findings, by probe and outcome")
					.tag("probe", check.probe())
					.tag("status", check.status().name().toLowerCase(Locale.ROOT))
					.register(this.registry)
					.increment();
			}
		}
		if (diagnosis.timings() != null) {
			this.parseAndMatch.record(diagnosis.timings().parseAndMatchMillis(), TimeUnit.MILLISECONDS);
			this.probes.record(diagnosis.timings().probeMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private double unknownRatio() {
		long failures = this.failed.get();
		return (failures > 0) ? (double) this.unknown.get() / failures : 0;
	}

	private static Timer latency(MeterRegistry registry, String phase) {
		return Timer.builder("tracedoc.engine.latency")
			.description("Time to diagnose a log, by phase")
			.tag("phase", phase)
			.publishPercentileHistogram()
			.register(registry);
	}

}
