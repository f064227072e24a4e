package io.tracedoc.diagnosis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Timeline} and {@link Durations}.
 */
class TimelineTests {

	@Test
	void findsWhereTheJobsTimeWentInACopiedLog() {
		Timeline timeline = Timeline
			.of(TestDiagnoses.ENGINE.diagnose(TestDiagnoses.example("seed-000-ssl-error-syscall-ui-copy.log")).trace());
		assertThat(timeline.stages()).extracting(Timeline.Stage::title)
			.startsWith("Preparing the \"kubernetes\" executor", "Preparing environment",
					"Getting source from Git repository");
		assertThat(timeline.longest().title()).isEqualTo("Preparing environment");
		assertThat(timeline.longest().duration()).isEqualTo("02:40");
		assertThat(timeline.longest().percent()).isEqualTo(100);
		assertThat(timeline.stages()).filteredOn(Timeline.Stage::failing)
			.extracting(Timeline.Stage::name)
			.containsExactly("get_sources");
	}

	@Test
	void sharesTheTimeOfARawTraceBetweenItsStages() {
		Timeline timeline = Timeline
			.of(TestDiagnoses.ENGINE.diagnose(TestDiagnoses.example("k8s-17-user-sections-collapsed.log")).trace());
		assertThat(timeline.totalSeconds()).isEqualTo(20);
		assertThat(timeline.total()).isEqualTo("00:20");
		assertThat(timeline.stages()).extracting(Timeline.Stage::percent).containsExactly(5, 20, 5, 70, 0);
		assertThat(timeline.stages()).noneMatch(Timeline.Stage::failing);
	}

	@Test
	void hasNoStagesForALogWithoutSections() {
		Timeline timeline = Timeline
			.of(TestDiagnoses.ENGINE.diagnose(TestDiagnoses.example("seed-004-4-unauthorized-wrapped.log")).trace());
		assertThat(timeline.stages()).isEmpty();
		assertThat(timeline.longest()).isNull();
	}

	@Test
	void writesDurationsAsTheJobPageDoes() {
		assertThat(Durations.format(0L)).isEqualTo("00:00");
		assertThat(Durations.format(160L)).isEqualTo("02:40");
		assertThat(Durations.format(3599L)).isEqualTo("59:59");
		assertThat(Durations.format(3600L)).isEqualTo("1:00:00");
		assertThat(Durations.format(null)).isNull();
		assertThat(Durations.format(-1L)).isNull();
	}

}
