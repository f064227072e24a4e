package io.tracedoc.trace;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.tracedoc.trace.TraceParsing.parse;
import static io.tracedoc.trace.TraceParsing.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TraceParser}: one behaviour per test, each with the input that must
 * not trigger it.
 */
class TraceParserTests {

	@Nested
	class RawTraces {

		@Test
		void readsMarkersWhoseCarriageReturnACopyDropped() {
			JobTrace trace = parse(
					"section_start:1:step_script\\e[0K\\e[0K\\e[36;1mExecuting \"step_script\" stage\\e[0;m\n"
							+ "$ make\nok\nsection_end:2:step_script\\e[0K\\e[32;1mJob succeeded\\e[0;m\n");
			assertThat(trace.summary().sections()).extracting(TraceSection::name).containsExactly("step_script");
			assertThat(trace.summary().sections().get(0).unclosed()).isFalse();
			assertThat(trace.summary().outcome()).isEqualTo(Outcome.SUCCEEDED);
		}

		@Test
		void readsSeveralMarkersGluedOnOneLineAndTheHeaderAfterThem() {
			JobTrace trace = parse("section_end:100:prepare_executor\r\\e[0Ksection_start:100:prepare_script\r\\e[0K"
					+ "\\e[0K\\e[36;1mPreparing environment\\e[0;m\\e[0;m\nWaiting\n"
					+ "section_end:105:prepare_script\r\\e[0K");
			TraceSection section = trace.summary().sections().get(0);
			assertThat(section.name()).isEqualTo("prepare_script");
			assertThat(section.title()).isEqualTo("Preparing environment");
			assertThat(section.durationSeconds()).isEqualTo(5);
			assertThat(section.start()).isEqualTo(Instant.ofEpochSecond(100));
			assertThat(texts(trace)).containsExactly("Preparing environment", "Waiting");
		}

		@Test
		void endsTheCollectedLineAtAMarkerInTheMiddleOfText() {
			JobTrace trace = parse("before section_start:1:inner\r\\e[0Kafter\n");
			assertThat(texts(trace)).containsExactly("before ", "after");
			assertThat(trace.lines().get(0).section()).isEqualTo(-1);
			assertThat(trace.lines().get(1).section()).isEqualTo(0);
		}

		@Test
		void leavesMarkerLookalikesWithoutTheirSuffixInTheText() {
			JobTrace trace = parse("\\e[0Kecho section_start:1:name is a marker only at the end of a line\n");
			assertThat(trace.summary().sections()).isEmpty();
			assertThat(texts(trace)).containsExactly("echo section_start:1:name is a marker only at the end of a line");
		}

		@Test
		void nestsSectionsAndReadsTheirOptions() {
			JobTrace trace = parse("section_start:1:step_script\r\\e[0K\\e[36;1mExecuting\\e[0;m\n"
					+ "section_start:2:section_script_step_0[hide_duration=true,collapsed=true]\r\\e[0K\\e[32;1m$ make\\e[0;m\n"
					+ "output\n" + "section_end:3:section_script_step_0\r\\e[0K\n"
					+ "section_end:4:step_script\r\\e[0K");
			TraceSection outer = trace.summary().sections().get(0);
			TraceSection inner = trace.summary().sections().get(1);
			assertThat(inner.parent()).isEqualTo(outer.id());
			assertThat(inner.depth()).isEqualTo(1);
			assertThat(inner.collapsed()).isTrue();
			assertThat(inner.hideDuration()).isTrue();
			assertThat(outer.collapsed()).isFalse();
			assertThat(inner.title()).isEqualTo("$ make");
			assertThat(outer.firstLine()).isEqualTo(1);
			assertThat(outer.lastLine()).isEqualTo(3);
			assertThat(inner.firstLine()).isEqualTo(2);
			assertThat(trace.linesOf(inner)).extracting(TraceLine::text).containsExactly("$ make", "output");
			assertThat(trace.summary().commands()).singleElement()
				.satisfies((command) -> assertThat(command.command()).isEqualTo("make"));
		}

		@Test
		void ignoresTheEndOfASectionThatIsNotOpen() {
			JobTrace trace = parse("section_start:1:a\r\\e[0Kx\nsection_end:2:b\r\\e[0Ky\nsection_end:3:a\r\\e[0K");
			assertThat(trace.summary().sections()).singleElement()
				.satisfies((section) -> assertThat(section.lastLine()).isEqualTo(2));
			assertThat(trace.lines().get(1).section()).isZero();
		}

		@Test
		void closesInnerSectionsAsUnclosedWhenAnOuterOneEnds() {
			JobTrace trace = parse(
					"section_start:1:outer\r\\e[0Kx\nsection_start:2:inner\r\\e[0Ky\n" + "section_end:3:outer\r\\e[0K");
			assertThat(trace.summary().sections()).extracting(TraceSection::unclosed).containsExactly(false, true);
		}

		@Test
		void marksSectionsLeftOpenAtTheEndAsUnclosed() {
			JobTrace trace = parse("section_start:1:step_script\r\\e[0Kworking\n");
			assertThat(trace.summary().sections().get(0).unclosed()).isTrue();
			assertThat(trace.summary().sections().get(0).end()).isNull();
		}

		@Test
		void appliesSgrColoursAsStyledRunsAndDropsOtherControlSequences() {
			JobTrace trace = parse("\\e[0K\\e[32;1mgreen\\e[0;m plain \\e[2K\\e[1;31mred\\e[0m\n");
			TraceLine line = trace.lines().get(0);
			assertThat(line.text()).isEqualTo("green plain red");
			assertThat(line.runs()).hasSize(2);
			assertThat(line.runs().get(0)).satisfies((run) -> {
				assertThat(line.text().substring(run.from(), run.to())).isEqualTo("green");
				assertThat(run.style().foreground()).isEqualTo(2);
				assertThat(run.style().bold()).isTrue();
			});
			assertThat(line.runs().get(1).style().foreground()).isEqualTo(1);
		}

		@Test
		void readsExtendedColours() {
			TraceLine line = parse("\\e[38;5;208morange\\e[0m \\e[48;2;1;2;3mrgb\\e[0m\n").lines().get(0);
			assertThat(line.runs().get(0).style().foreground()).isEqualTo(208);
			assertThat(line.runs().get(1).style().background()).isEqualTo(0x1000000 | 0x010203);
		}

		@Test
		void keepsOnlyWhatFollowsTheLastBareCarriageReturn() {
			assertThat(texts(parse("10%\r50%\r100%\nnext\n"))).containsExactly("100%", "next");
		}

		@Test
		void treatsCrlfAsALineEnd() {
			assertThat(texts(parse("one\r\ntwo\r\n"))).containsExactly("one", "two");
		}

		@Test
		void dropsLinesWithoutVisibleTextAndNumbersTheRestWithoutGaps() {
			JobTrace trace = parse("one\n\n\\e[0K\\e[0;m\ntwo\n");
			assertThat(trace.lines()).extracting(TraceLine::number).containsExactly(1, 2);
		}

		@Test
		void replacesInvalidUtf8AndCountsTheReplacements() {
			byte[] log = { 'a', (byte) 0xC3, 'b', (byte) 0xFF, '\n', 'c', '\n' };
			JobTrace trace = TraceParser.parse(log);
			assertThat(texts(trace)).containsExactly("a\uFFFDb\uFFFD", "c");
			assertThat(trace.summary().replacedCharacters()).isEqualTo(2);
		}

		@Test
		void dropsNulAndOtherInvisibleControls() {
			assertThat(texts(parse("a\u0000b\u0007c\td\n"))).containsExactly("abc\td");
		}

		@Test
		void recognisesTheEchoedCommandOnlyInTheRunnersGreen() {
			JobTrace trace = parse("\\e[32;1m$ npm test\\e[0;m\n$ this is output that starts with a dollar\n");
			assertThat(trace.summary().commands()).extracting(CommandEcho::command).containsExactly("npm test");
		}

		@Test
		void readsTheRunnerHeaderAndKubernetesFacts() {
			RunnerInfo runner = parse("\\e[0KRunning with gitlab-runner 17.5.0 (b92ee590)\\e[0;m\n"
					+ "\\e[0K  on k8s-runner XmDXAt7xd, system ID: r_N4E6Vxd4NGE4\\e[0;m\n"
					+ "\\e[0K  feature flags: FF_TIMESTAMPS:true, FF_PRINT_POD_EVENTS:true\\e[0;m\n"
					+ "\\e[0KUsing Kubernetes namespace: ci\\e[0;m\n"
					+ "\\e[0KUsing Kubernetes executor with image alpine:3.20 ...\\e[0;m\n"
					+ "Waiting for pod ci/runner-xmdxat7xd-project-7-concurrent-0-abc to be running on the node node-1, status is Pending\n")
				.summary()
				.runner();
			assertThat(runner.version()).isEqualTo("17.5.0");
			assertThat(runner.revision()).isEqualTo("b92ee590");
			assertThat(runner.name()).isEqualTo("k8s-runner");
			assertThat(runner.shortToken()).isEqualTo("XmDXAt7xd");
			assertThat(runner.systemId()).isEqualTo("r_N4E6Vxd4NGE4");
			assertThat(runner.featureFlags()).containsExactly("FF_TIMESTAMPS:true", "FF_PRINT_POD_EVENTS:true");
			assertThat(runner.executor()).isEqualTo("kubernetes");
			assertThat(runner.namespace()).isEqualTo("ci");
			assertThat(runner.image()).isEqualTo("alpine:3.20");
			assertThat(runner.pod()).isEqualTo("runner-xmdxat7xd-project-7-concurrent-0-abc");
			assertThat(runner.node()).isEqualTo("node-1");
		}

		@Test
		void readsTheOldStyleRunnerTokenInParentheses() {
			RunnerInfo runner = parse("Running with gitlab-ci-multi-runner 9.3.0 (3df822b)\n  on k8s (68474e7c)\n")
				.summary()
				.runner();
			assertThat(runner.name()).isEqualTo("k8s");
			assertThat(runner.shortToken()).isEqualTo("68474e7c");
		}

		@Test
		void ignoresAnOnLineThatDoesNotFollowTheHeader() {
			assertThat(parse("Running tests\n  on my machine ok\n").summary().runner().name()).isNull();
		}

		@Test
		void findsTheUnknownNodeAsNoNode() {
			RunnerInfo runner = parse(
					"Waiting for pod ci/runner-a-project-1-concurrent-0 to be running on the node <unknown>, status is Pending\n")
				.summary()
				.runner();
			assertThat(runner.pod()).isEqualTo("runner-a-project-1-concurrent-0");
			assertThat(runner.node()).isNull();
		}

	}

	@Nested
	class Outcomes {

		private static final String STAGES = "section_start:1:get_sources\r\\e[0KGetting source\nfetch failed\n"
				+ "section_end:2:get_sources\r\\e[0Ksection_start:2:upload_artifacts_on_failure\r\\e[0KUploading\n"
				+ "section_end:3:upload_artifacts_on_failure\r\\e[0Ksection_start:3:cleanup_file_variables\r\\e[0KCleaning\n"
				+ "section_end:4:cleanup_file_variables\r\\e[0K";

		@Test
		void failsInTheLastStageBeforeTheOnesThatRunAfterAFailure() {
			TraceSummary summary = parse(
					STAGES + "\\e[31;1mERROR: Job failed: command terminated with exit code 128\\e[0;m\n")
				.summary();
			assertThat(summary.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(summary.failing().name()).isEqualTo("get_sources");
			assertThat(summary.finalStatus().exitCode()).isEqualTo(128);
			assertThat(summary.finalStatus().systemFailure()).isFalse();
		}

		@Test
		void hasNoFailingSectionWhenTheJobSucceeded() {
			TraceSummary summary = parse(STAGES + "\\e[32;1mJob succeeded\\e[0;m\n").summary();
			assertThat(summary.outcome()).isEqualTo(Outcome.SUCCEEDED);
			assertThat(summary.failingSection()).isEqualTo(-1);
			assertThat(summary.endsMidway()).isFalse();
		}

		@Test
		void blamesAfterScriptWhenNoEarlierStageIsInTheLog() {
			TraceSummary summary = parse("section_start:1:after_script\r\\e[0KRunning after_script\n$ ./notify.sh\n"
					+ "section_end:2:after_script\r\\e[0Ksection_start:2:cleanup_file_variables\r\\e[0KCleaning\n"
					+ "section_end:3:cleanup_file_variables\r\\e[0K"
					+ "\\e[31;1mERROR: Job failed: command terminated with exit code 1\\e[0;m\n")
				.summary();
			assertThat(summary.failing().name()).isEqualTo("after_script");
		}

		@Test
		void namesNoFailingStageWhenTheLogShowsOnlyStagesThatCannotFailTheJob() {
			// a copy that starts at the uploads the runner makes after the failure
			TraceSummary summary = parse("section_start:2:upload_artifacts_on_failure\r\\e[0KUploading\n"
					+ "section_end:3:upload_artifacts_on_failure\r\\e[0Ksection_start:3:cleanup_file_variables\r\\e[0KCleaning\n"
					+ "section_end:4:cleanup_file_variables\r\\e[0K"
					+ "\\e[31;1mERROR: Job failed: command terminated with exit code 1\\e[0;m\n")
				.summary();
			assertThat(summary.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(summary.failingSection()).isEqualTo(-1);
		}

		@Test
		void readsSystemFailuresAndTheirError() {
			FinalStatus status = parse("ERROR: Job failed (system failure): prepare environment: Unauthorized\n")
				.summary()
				.finalStatus();
			assertThat(status.systemFailure()).isTrue();
			assertThat(status.error()).isEqualTo("prepare environment: Unauthorized");
			assertThat(status.exitCode()).isNull();
		}

		@Test
		void readsTheExitCodeOfAContainerError() {
			assertThat(parse(
					"ERROR: Job failed (system failure): Error in container build: exit code: 137, reason: 'OOMKilled'\n")
				.summary()
				.finalStatus()
				.exitCode()).isEqualTo(137);
		}

		@Test
		void readsTheExitCodeInTheOldKubernetesExecutorWording() {
			assertThat(exitCode("ERROR: Job failed: error executing remote command: command terminated with "
					+ "non-zero exit code: Error executing in Docker Container: 1\n"))
				.isEqualTo(1);
			assertThat(exitCode("ERROR: Job failed: command terminated with non-zero exit code: Error executing\n"))
				.isNull();
		}

		private static Integer exitCode(String log) {
			return parse(log).summary().finalStatus().exitCode();
		}

		@Test
		void recognisesCancellation() {
			assertThat(parse("WARNING: script canceled externally (UI, API)\nERROR: Job failed: canceled\n").summary()
				.outcome()).isEqualTo(Outcome.CANCELED);
		}

		@Test
		void doesNotTakeAJobFailedLineInsideASectionForTheFinalStatus() {
			TraceSummary summary = parse(
					"section_start:1:step_script\r\\e[0K$ cat old.log\nERROR: Job failed: from an old log\n")
				.summary();
			assertThat(summary.finalStatus()).isNull();
			assertThat(summary.outcome()).isEqualTo(Outcome.UNKNOWN);
			assertThat(summary.endsMidway()).isTrue();
		}

		@Test
		void reportsTheLogLimitAsTruncationAndItsStageAsFailing() {
			TraceSummary summary = parse("section_start:1:step_script\r\\e[0Kbuild\nmore\n"
					+ "\n\\e[33;1mJob's log exceeded limit of 4194304 bytes.\n"
					+ "Job execution will continue but no more output will be collected.\\e[0;m\n")
				.summary();
			assertThat(summary.outcome()).isEqualTo(Outcome.TRUNCATED);
			assertThat(summary.truncation().limitBytes()).isEqualTo(4_194_304L);
			assertThat(summary.failing().name()).isEqualTo("step_script");
			assertThat(summary.endsMidway()).isFalse();
		}

		@Test
		void joinsAFinalErrorThatACopyWrappedOverSeveralLines() {
			FinalStatus status = parse(
					"ERROR: Job failed (system failure): \nprepare environment: setting up credentials: \n"
							+ "Unauthorized. \nCheck https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information\n")
				.summary()
				.finalStatus();
			assertThat(status.error()).isEqualTo("prepare environment: setting up credentials: Unauthorized. "
					+ "Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information");
		}

		@Test
		void doesNotJoinLinesAfterAFinalErrorThatIsComplete() {
			FinalStatus status = parse("ERROR: Job failed: command terminated with exit code 1\nsomething after\n")
				.summary()
				.finalStatus();
			assertThat(status.error()).isEqualTo("command terminated with exit code 1");
		}

		@Test
		void joinsARawErrorMessageOverSeveralLinesUntilTheRunnerResetsItsColour() {
			FinalStatus status = parse("\\e[31;1mERROR: Job failed (system failure): prepare environment: admission "
					+ "webhook \"validation.gatekeeper.sh\" denied the request:\n[psp-privileged] Privileged container is "
					+ "not allowed: build\n[psp-readonlyrootfilesystem] only read-only root filesystem container is "
					+ "allowed: build\\e[0;m\nafter the error\n")
				.summary()
				.finalStatus();
			assertThat(status.error()).endsWith("denied the request: [psp-privileged] Privileged container is not "
					+ "allowed: build [psp-readonlyrootfilesystem] only read-only root filesystem container is allowed: build");
		}

		@Test
		void endsARawErrorAtItsResetEvenWhenMoreLinesFollow() {
			FinalStatus status = parse(
					"\\e[31;1mERROR: Job failed: command terminated with exit code 1\\e[0;m\n" + "something after\n")
				.summary()
				.finalStatus();
			assertThat(status.error()).isEqualTo("command terminated with exit code 1");
		}

		@Test
		void saysWhenTheLogStartsMidway() {
			assertThat(parse("Fetching changes...\nJob succeeded\n").summary().startsMidway()).isTrue();
			assertThat(parse("Running with gitlab-runner 17.5.0 (b92ee590)\nJob succeeded\n").summary().startsMidway())
				.isFalse();
		}

	}

	@Nested
	class TimestampedTraces {

		@Test
		void stripsTheHeaderAndKeepsTimeAndStream() {
			JobTrace trace = parse("2024-10-15T13:46:40.123456Z 00O \\e[0KUsing Kubernetes namespace: ci\\e[0;m\n"
					+ "2024-10-15T13:46:41.000001Z 01E make: *** [all] Error 2\n");
			assertThat(trace.summary().format()).isEqualTo(TraceFormat.RAW_TIMESTAMPED);
			assertThat(texts(trace)).containsExactly("Using Kubernetes namespace: ci", "make: *** [all] Error 2");
			assertThat(trace.lines().get(0).timestamp()).isEqualTo(Instant.parse("2024-10-15T13:46:40.123456Z"));
			assertThat(trace.lines().get(0).stream()).isEqualTo(new LineStream(0, false));
			assertThat(trace.lines().get(1).stream()).isEqualTo(new LineStream(1, true));
		}

		@Test
		void joinsContinuationPiecesAndAppliesTheirCarriageReturns() {
			JobTrace trace = parse("2021-01-01T01:00:00.020010Z ffE PREFIX Progress bar: .\r\n"
					+ "2021-01-01T04:00:00.020010Z ffE+.\r\n" + "2021-01-01T13:00:00.020010Z ffE+Done.\r\n"
					+ "2021-01-01T13:00:01.000000Z ffE next\n");
			assertThat(texts(trace)).containsExactly("Done.", "next");
			assertThat(trace.lines().get(0).timestamp()).isEqualTo(Instant.parse("2021-01-01T13:00:00.020010Z"));
		}

		@Test
		void readsAMarkerSplitFromItsHeaderByTheTimestamper() {
			JobTrace trace = parse("2024-01-01T00:00:00.000000Z 00O section_start:5:get_sources\r\\e[0K\n"
					+ "2024-01-01T00:00:00.000001Z 00O+\\e[0K\\e[36;1mGetting source from Git repository\\e[0;m\\e[0;m\n"
					+ "2024-01-01T00:00:02.000000Z 00O section_end:7:get_sources\r\\e[0K\n");
			TraceSection section = trace.summary().sections().get(0);
			assertThat(section.title()).isEqualTo("Getting source from Git repository");
			assertThat(section.durationSeconds()).isEqualTo(2);
		}

		@Test
		void keepsLinesWithoutHeaderInATimestampedLog() {
			JobTrace trace = parse("2024-01-01T00:00:00.000000Z 01O build\n"
					+ "\\e[33;1mJob's log exceeded limit of 4194304 bytes.\n");
			assertThat(texts(trace)).containsExactly("build", "Job's log exceeded limit of 4194304 bytes.");
			assertThat(trace.lines().get(1).timestamp()).isNull();
			assertThat(trace.summary().outcome()).isEqualTo(Outcome.TRUNCATED);
		}

		@Test
		void treatsAMalformedHeaderAsNoTimestampedLog() {
			JobTrace trace = parse("2024-13-01T00:00:00.000000Z 01O build\n");
			assertThat(trace.summary().format()).isNotEqualTo(TraceFormat.RAW_TIMESTAMPED);
			assertThat(texts(trace)).containsExactly("2024-13-01T00:00:00.000000Z 01O build");
		}

	}

	@Nested
	class WebUiCopies {

		@Test
		void readsSectionsFromHeadersWithGluedDurationsAndGappedLineNumbers() {
			JobTrace trace = parse("""
					1 Running with gitlab-runner 13.12.0 (7a6612da)
					2  on gitlab-runner-6854dbc547-9ktrg LBxMyCry
					3  Preparing the "kubernetes" executor 00:00
					4  Using Kubernetes namespace: cicd
					7  Preparing environment 02:40
					9  Waiting for pod cicd/runner-lbxmycry-project-2-concurrent-07cfcd to be running, status is Pending
					176 ERROR: Job failed: command terminated with exit code 1
					""");
			TraceSummary summary = trace.summary();
			assertThat(summary.format()).isEqualTo(TraceFormat.WEB_UI_COPY);
			assertThat(trace.lines()).extracting(TraceLine::number).containsExactly(1, 2, 3, 4, 7, 9, 176);
			assertThat(trace.line(7).text()).isEqualTo("Preparing environment");
			assertThat(summary.sections()).extracting(TraceSection::name)
				.containsExactly("prepare_executor", "prepare_script");
			assertThat(summary.sections().get(1).durationSeconds()).isEqualTo(160);
			assertThat(summary.sections().get(1).inferred()).isTrue();
			assertThat(trace.line(176).section()).isEqualTo(-1);
			assertThat(summary.failing().name()).isEqualTo("prepare_script");
			assertThat(summary.runner().name()).isEqualTo("gitlab-runner-6854dbc547-9ktrg");
		}

		@Test
		void readsDurationsOnTheirOwnLineWithoutTakingThemForLines() {
			JobTrace trace = parse(
					"""
							Running with gitlab-runner 14.1.0 (5da932f9)
							on gitlab-runner-5898759dcf-vxjb5 QWvJYfp5
							Preparing the "kubernetes" executor
							00:00
							Using Kubernetes namespace: gitlab
							Preparing environment
							00:03
							ERROR: Job failed (system failure): prepare environment: setting up build pod: pods "runner-qwvjyfp5-project-1055-concurrent-0hd42x" is forbidden: failed quota: default-zg9sg: must specify limits.cpu
							""");
			assertThat(texts(trace)).doesNotContain("00:00", "00:03");
			assertThat(trace.summary().sections()).extracting(TraceSection::durationSeconds).containsExactly(0L, 3L);
			assertThat(trace.summary().failing().name()).isEqualTo("prepare_script");
		}

		@Test
		void keepsATimeLikeLineThatDoesNotFollowAHeader() {
			JobTrace trace = parse("Preparing environment\nok\n12:30\n");
			assertThat(texts(trace)).contains("12:30");
		}

		@Test
		void readsHoursInLongDurations() {
			JobTrace trace = parse("Executing \"step_script\" stage of the job script 01:02:03\n$ make\n");
			TraceSection section = trace.summary().sections().get(0);
			assertThat(section.name()).isEqualTo("step_script");
			assertThat(section.durationSeconds()).isEqualTo(3723L);
		}

		@Test
		void turnsPastedLineAnchorLinksIntoLineNumbers() {
			JobTrace trace = parse(
					"""
							[1](https://gitlab.example.com/g/p/-/jobs/7#L1) Running with gitlab-runner 17.0.0 (44feccdf)
							[2](https://gitlab.example.com/g/p/-/jobs/7#L2) see [line 1](https://gitlab.example.com/g/p/-/jobs/7#L1) above
							""");
			assertThat(trace.lines()).extracting(TraceLine::number).containsExactly(1, 2);
			assertThat(texts(trace)).containsExactly("Running with gitlab-runner 17.0.0 (44feccdf)",
					"see line 1 above");
		}

		@Test
		void removesMarkdownQuoting() {
			JobTrace trace = parse(
					"> Running with gitlab-runner 17.0.0 (44feccdf)\n> $ make\n> ERROR: Job failed: exit code 2\n");
			assertThat(texts(trace)).first().isEqualTo("Running with gitlab-runner 17.0.0 (44feccdf)");
			assertThat(trace.summary().finalStatus().exitCode()).isEqualTo(2);
		}

		@Test
		void keepsAQuoteCharacterWhenOnlyFewLinesStartWithIt() {
			assertThat(texts(parse("a\nb\n> c\nd\ne\n"))).contains("> c");
		}

		@Test
		void stripsTheClockTimesOfATimestampedLogsCopy() {
			JobTrace trace = parse("""
					1 12:43:46 Running with gitlab-runner 18.7.0 (12345678)
					2 12:43:46 Preparing environment 00:04
					3 12:43:50 Waiting for pod ci/runner-a-project-1-concurrent-0 to be running, status is Pending
					""");
			assertThat(texts(trace)).containsExactly("Running with gitlab-runner 18.7.0 (12345678)",
					"Preparing environment",
					"Waiting for pod ci/runner-a-project-1-concurrent-0 to be running, status is Pending");
		}

		@Test
		void dropsTheTopBarAboveACopiedTailAndKeepsTheCopiedLineNumbers() {
			JobTrace trace = parse("""
					Showing last 500 KiB of log - Complete Raw
					1 [ERROR] BUILD FAILURE
					3 Cleaning up project directory and file based variables 00:00
					5 ERROR: Job failed: command terminated with exit code 1
					""");
			assertThat(trace.lines()).extracting(TraceLine::number).containsExactly(1, 3, 5);
			assertThat(texts(trace)).first().isEqualTo("[ERROR] BUILD FAILURE");
			assertThat(trace.summary().startsMidway()).isTrue();
		}

		@Test
		void keepsTheTopBarWordingWhenItIsNotTheFirstLine() {
			JobTrace trace = parse("""
					1 Running with gitlab-runner 17.4.0 (b92ee590)
					2 Showing last 5 KiB of log - Complete Raw
					""");
			assertThat(texts(trace)).containsExactly("Running with gitlab-runner 17.4.0 (b92ee590)",
					"Showing last 5 KiB of log - Complete Raw");
			assertThat(trace.summary().startsMidway()).isFalse();
		}

		@Test
		void keepsLeadingNumbersOfALogWithoutLineNumbers() {
			JobTrace trace = parse("Preparing environment\n0/3 nodes are available\n42 tests passed\nmore text\n");
			assertThat(texts(trace)).contains("42 tests passed");
		}

		@Test
		void readsACopyIndentedAsAWholeAsIfItWereNot() {
			JobTrace trace = parse("""
					        Running with gitlab-runner 16.4.1 (d89a789a)
					          on netology R3z1jrba7, system ID: s_1f017d8835a8
					        Executing "step_script" stage of the job script
					        $ make test
					          indented output of the job
					        Job succeeded
					""");
			assertThat(trace.summary().outcome()).isEqualTo(Outcome.SUCCEEDED);
			assertThat(trace.summary().startsMidway()).isFalse();
			assertThat(texts(trace)).contains("$ make test", "  indented output of the job");
			assertThat(trace.summary().commands()).extracting(CommandEcho::command).containsExactly("make test");
		}

		@Test
		void takesANumberGluedToItsTextOnlyWhereItContinuesTheNumbering() {
			JobTrace trace = parse("""
					1014 $ ./gradlew build
					1015 BUILD FAILED
					1016ERROR: Job failed: exit code 1
					""");
			assertThat(trace.lines()).extracting(TraceLine::number).containsExactly(1014, 1015, 1016);
			assertThat(trace.summary().finalStatus().error()).isEqualTo("exit code 1");
			JobTrace own = parse("""
					1 $ ./report
					2 results
					2024Q1 revenue up
					""");
			assertThat(texts(own)).contains("2024Q1 revenue up");
		}

		@Test
		void readsARichTextCopyWhoseLineLinksAreGluedToTheText() {
			JobTrace trace = parse("""
					[1](https://gitlab.example.com/g/p/-/jobs/7#L1)Running with gitlab-runner 17.1.0 (fe451d5a)
					[2](https://gitlab.example.com/g/p/-/jobs/7#L2)$ npm test
					[3](https://gitlab.example.com/g/p/-/jobs/7#L3)ERROR: Job failed: exit code 1
					""");
			assertThat(texts(trace)).containsExactly("Running with gitlab-runner 17.1.0 (fe451d5a)", "$ npm test",
					"ERROR: Job failed: exit code 1");
			assertThat(trace.summary().outcome()).isEqualTo(Outcome.FAILED);
		}

		@Test
		void findsTheFinalLineRunTogetherWithTheTextBeforeItButNotInACommandEcho() {
			JobTrace glued = parse("    at async run (/usr/lib/cli.js:55:5)ERROR: Job failed: exit status 1\n");
			assertThat(glued.summary().outcome()).isEqualTo(Outcome.FAILED);
			assertThat(glued.summary().finalStatus().exitCode()).isEqualTo(1);
			JobTrace quoted = parse("$ echo checking: ERROR: Job failed: exit status 1\nchecking\n");
			assertThat(quoted.summary().outcome()).isEqualTo(Outcome.UNKNOWN);
			JobTrace success = parse(
					"$ docker push app\nCleaning up project directory and file based variablesJob succeeded\n");
			assertThat(success.summary().outcome()).isEqualTo(Outcome.SUCCEEDED);
			assertThat(parse("$ echo Job succeeded\n").summary().outcome()).isEqualTo(Outcome.UNKNOWN);
			assertThat(parse("$ ./deploy.sh\nDeploy Job succeeded\n").summary().outcome()).isEqualTo(Outcome.UNKNOWN);
			JobTrace oldRunner = parse(
					"Checking out 1f2e3d4c as master... remote: denied ERROR: Build failed: exit code 1\n");
			assertThat(oldRunner.summary().outcome()).isEqualTo(Outcome.FAILED);
			JobTrace oldGlued = parse(
					"fatal: unable to access 'http://gitlab/p.git/'ERROR: Build failed: exit code 1\n");
			assertThat(oldGlued.summary().finalStatus().exitCode()).isEqualTo(1);
		}

	}

	@Nested
	class EscapesStripped {

		@Test
		void readsVisibleEscapeRemnantsAsEscapes() {
			JobTrace trace = parse("""
					[0KRunning with gitlab-runner 11.10.1 (1f513601)
					[0;m[0K on eio-swe-maven-group-runner FZHnLaoW
					[0;msection_start:1563219645:prepare_executor
					[0K[0KUsing Kubernetes namespace: gitlab
					[0;msection_end:1563219645:prepare_executor
					#033[0;33mWARNING: careful#033[0;m
					""");
			assertThat(trace.summary().format()).isEqualTo(TraceFormat.ESCAPES_STRIPPED);
			assertThat(texts(trace)).containsExactly("Running with gitlab-runner 11.10.1 (1f513601)",
					" on eio-swe-maven-group-runner FZHnLaoW", "Using Kubernetes namespace: gitlab",
					"WARNING: careful");
			assertThat(trace.summary().sections()).singleElement()
				.satisfies((section) -> assertThat(section.name()).isEqualTo("prepare_executor"));
			assertThat(trace.lines().get(3).runs().get(0).style().foreground()).isEqualTo(3);
			assertThat(trace.summary().runner().shortToken()).isEqualTo("FZHnLaoW");
		}

		@Test
		void leavesBracketsAloneInALogThatStillHasItsEscapes() {
			JobTrace trace = parse("\\e[0Kstart\\e[0;m\n[0K is text here\n");
			assertThat(texts(trace)).contains("[0K is text here");
		}

		@Test
		void readsMarkersAndCarriageReturnsInCaretNotation() {
			// `cat -v` shows ESC as ^[ and a carriage return as ^M
			JobTrace trace = parse("^[[0KRunning with gitlab-runner 17.4.0 (b92ee590)^[[0;m\n"
					+ "section_start:1:get_sources^M^[[0K^[[0K^[[36;1mGetting source^[[0;m^[[0;m\n"
					+ "10%^M100%\nsection_end:3:get_sources^M^[[0K");
			assertThat(trace.summary().sections()).singleElement().satisfies((section) -> {
				assertThat(section.title()).isEqualTo("Getting source");
				assertThat(section.durationSeconds()).isEqualTo(2);
			});
			assertThat(texts(trace)).containsExactly("Running with gitlab-runner 17.4.0 (b92ee590)", "Getting source",
					"100%");
		}

		@Test
		void keepsACaretMInALogThatStillHasItsEscapes() {
			JobTrace trace = parse("\\e[0Kgit shows ^M at the end of CRLF lines\\e[0;m\n");
			assertThat(texts(trace)).containsExactly("git shows ^M at the end of CRLF lines");
		}

		@Test
		void readsMarkersWhoseCarriageReturnBecameALineBreak() {
			JobTrace trace = parse("section_start:1624208285:prepare_executor\nPreparing the \"kubernetes\" executor\n"
					+ "section_end:1624208285:prepare_executor\n");
			assertThat(trace.summary().sections()).singleElement().satisfies((section) -> {
				assertThat(section.title()).isEqualTo("Preparing the \"kubernetes\" executor");
				assertThat(section.unclosed()).isFalse();
				assertThat(section.inferred()).isFalse();
			});
		}

	}

}
