package io.tracedoc.diagnosis;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tracedoc.diagnosis.Confidence.Signal;
import io.tracedoc.pattern.Category;
import io.tracedoc.pattern.TestLibrary;
import io.tracedoc.trace.Outcome;
import io.tracedoc.trace.TraceLine;
import io.tracedoc.trace.TraceListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DiagnosisEngine}, each on a small library written for the behaviour it
 * checks.
 */
class DiagnosisEngineTests {

	private static final String RAW_STAGES = "section_start:1:prepare_script\r\u001B[0KPreparing environment\n"
			+ "%s\nsection_end:2:prepare_script\r\u001B[0Ksection_start:2:get_sources\r\u001B[0K"
			+ "Getting source from Git repository\n%s\nsection_end:3:get_sources\r\u001B[0K"
			+ "section_start:3:step_script\r\u001B[0KExecuting \"step_script\" stage of the job script\n%s\n"
			+ "section_end:4:step_script\r\u001B[0K%s\n";

	@TempDir
	Path root;

	@Test
	void ranksEvidenceInTheFinalErrorAboveTheSameEvidenceElsewhere() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("git-dns-failure", "in-final", """
				confidence: medium
				match:
				  all:
				    - contains: 'resolver broke'
				      in: final-error
				""").pattern("git-connection-failed", "anywhere", """
				confidence: medium
				match:
				  all:
				    - contains: 'connection reset'
				"""));
		Diagnosis diagnosis = diagnose(engine,
				stages("", "", "connection reset by peer", "ERROR: Job failed (system failure): resolver broke"));
		assertThat(diagnosis.findings()).extracting(Finding::pattern).containsExactly("in-final", "anywhere");
		assertThat(diagnosis.category()).isEqualTo(Category.GIT_DNS_FAILURE);
		assertThat(signalNames(diagnosis.findings().get(0))).contains("final-error");
		assertThat(signalNames(diagnosis.findings().get(1))).contains("failing-section");
		assertThat(diagnosis.findings().get(0).confidence().score())
			.isGreaterThan(diagnosis.findings().get(1).confidence().score());
	}

	@Test
	void letsAGenericFindingYieldToASpecificOneNearTheFailure() {
		TestLibrary library = new TestLibrary(this.root).pattern("script-failure", "any-exit", """
				generic: true
				match:
				  all:
				    - regex: 'exit code (?P<code>\\d+)'
				      in: final-error
				""").pattern("oom-killed", "oom", """
				match:
				  all:
				    - contains: 'Killed process'
				      in: failing-section
				""");
		Diagnosis both = diagnose(engine(library),
				stages("", "", "Killed process 42 (java)", "ERROR: Job failed: command terminated with exit code 1"));
		assertThat(both.findings()).extracting(Finding::pattern).containsExactly("oom");
		assertThat(both.ruledOut()).singleElement().satisfies((ruledOut) -> {
			assertThat(ruledOut.pattern()).isEqualTo("any-exit");
			assertThat(ruledOut.reason()).contains("a more specific cause explains the failure: oom");
		});
		Diagnosis alone = diagnose(engine(library),
				stages("", "", "tests failed", "ERROR: Job failed: command terminated with exit code 1"));
		assertThat(alone.findings()).extracting(Finding::pattern).containsExactly("any-exit");
	}

	@Test
	void letsAGenericFindingYieldToASpecificOneBeforeTheFinalLineWhenTheLogHasNoSections() {
		TestLibrary library = new TestLibrary(this.root).pattern("script-failure", "any-exit", """
				generic: true
				confidence: medium
				match:
				  all:
				    - regex: 'exit code (?P<code>\\d+)'
				      in: final-error
				""").pattern("git-connection-failed", "connect", """
				match:
				  in: [get_sources]
				  all:
				    - contains: 'Failed to connect to'
				""");
		Diagnosis before = diagnose(engine(library),
				"""
						Cloning repository...
						fatal: unable to access 'http://gitlab:10080/g/p.git/': Failed to connect to gitlab port 10080: Operation timed out
						ERROR: Job failed: exit code 1
						""");
		assertThat(before.findings()).extracting(Finding::pattern).containsExactly("connect");
		assertThat(signalNames(before.top())).contains("before-final-line", "sections-unknown");
		assertThat(before.ruledOut()).extracting(RuledOut::pattern).containsExactly("any-exit");
		Diagnosis after = diagnose(engine(library),
				"""
						ERROR: Job failed: exit code 1
						fatal: unable to access 'http://gitlab:10080/g/p.git/': Failed to connect to gitlab port 10080: Operation timed out
						""");
		assertThat(after.top().pattern()).isEqualTo("any-exit");
	}

	@Test
	void givesAFinalLineWithOnlyAnExitCodeLessWeightThanOneThatNamesTheCause() {
		TestLibrary library = new TestLibrary(this.root).pattern("script-failure", "any-exit", """
				confidence: medium
				match:
				  all:
				    - regex: 'exit code (?P<code>\\d+)'
				      in: final-error
				""");
		Diagnosis exitCode = diagnose(engine(library),
				stages("", "", "tests failed", "ERROR: Job failed: command terminated with exit code 1"));
		assertThat(signalNames(exitCode.top())).contains("final-exit-code").doesNotContain("final-error");
		Diagnosis named = diagnose(engine(library),
				stages("", "", "tests failed", "ERROR: Job failed: pod status is Failed, exit code 1 of build"));
		assertThat(signalNames(named.top())).contains("final-error").doesNotContain("final-exit-code");
		assertThat(named.top().confidence().score()).isGreaterThan(exitCode.top().confidence().score());
	}

	@Test
	void keepsTheGenericFindingWhenTheSpecificOneIsTooWeakToExplainItAway() {
		TestLibrary library = new TestLibrary(this.root).pattern("script-failure", "any-exit", """
				generic: true
				match:
				  all:
				    - regex: 'exit code (?P<code>\\d+)'
				      in: final-error
				""").pattern("git-connection-failed", "weak", """
				confidence: low
				maturity: sandbox
				match:
				  in: [get_sources]
				  all:
				    - contains: 'Failed to connect to'
				""");
		Diagnosis diagnosis = diagnose(engine(library), """
				Failed to connect to gitlab port 80: Connection refused
				ERROR: Job failed: exit code 1
				""");
		assertThat(diagnosis.findings()).extracting(Finding::pattern).containsExactly("any-exit", "weak");
	}

	@Test
	void readsTheLinesBeforeTheFirstHeaderOfACopyThatStartsLateAsTheFailingStage() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("git-connection-failed", "connect", """
				match:
				  in: [get_sources]
				  all:
				    - contains: 'Failed to connect to'
				"""));
		String lateCopy = """
				fatal: unable to access 'https://gitlab.example.com/g/p.git/': Failed to connect to gitlab.example.com port 443: Host is unreachable
				Running after_script
				Running after script...
				$ echo done
				done
				Cleaning up project directory and file based variables
				ERROR: Job failed: command terminated with exit code 1
				""";
		Diagnosis diagnosis = diagnose(engine, lateCopy);
		assertThat(diagnosis.trace().failingSection()).isNull();
		assertThat(diagnosis.top().pattern()).isEqualTo("connect");
		String fullCopy = """
				Running with gitlab-runner 17.0.0 (abc123)
				Getting source from Git repository
				Fetching changes...
				Executing "step_script" stage of the job script
				$ echo Failed to connect to nowhere
				Failed to connect to nowhere
				Running after_script
				Cleaning up project directory and file based variables
				ERROR: Job failed: command terminated with exit code 1
				""";
		assertThat(diagnose(engine, fullCopy).findings()).isEmpty();
	}

	@Test
	void waivesACorroboratingFinalErrorConditionOnlyWhereTheLogHasNoFinalStatus() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("script-failure", "not-found", """
				match:
				  all:
				    - regex: ': (?P<command>[a-z]+): not found'
				    - regex: 'exit code 127'
				      in: final-error
				      corroborates: true
				"""));
		Diagnosis fragment = diagnose(engine, "$ mvn package\n/bin/sh: eval: line 12: mvn: not found\n");
		assertThat(fragment.top().pattern()).isEqualTo("not-found");
		assertThat(signalNames(fragment.top())).contains("corroboration-absent");
		assertThat(fragment.top().confidence().signals())
			.anySatisfy((signal) -> assertThat(signal.detail()).contains("the runner's final status line"));
		Diagnosis corroborated = diagnose(engine,
				"$ mvn package\n/bin/sh: eval: line 12: mvn: not found\nERROR: Job failed: exit code 127\n");
		assertThat(signalNames(corroborated.top())).doesNotContain("corroboration-absent").contains("corroborated");
		Diagnosis contradicted = diagnose(engine,
				"$ mvn package\n/bin/sh: eval: line 12: mvn: not found\nERROR: Job failed: exit code 1\n");
		assertThat(contradicted.findings()).isEmpty();
	}

	@Test
	void waivesACorroboratingCompanionLineOnlyInAnExcerpt() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("git-auth-failed", "denied", """
				match:
				  all:
				    - contains: 'remote: HTTP Basic: Access denied'
				    - contains: 'fatal: Authentication failed'
				      corroborates: true
				"""));
		assertThat(diagnose(engine, "remote: HTTP Basic: Access denied\n").findings()).hasSize(1);
		String whole = """
				Running with gitlab-runner 17.0.0 (abc123)
				remote: HTTP Basic: Access denied
				ERROR: Job failed: exit code 1
				""";
		assertThat(diagnose(engine, whole).findings()).isEmpty();
	}

	@Test
	void saysTheScriptSucceededWhenTheLogStopsAfterTheRunnerBeganTheStepsOfASuccessfulScript() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("git-dns-failure", "dns", """
				match:
				  all:
				    - contains: 'Could not resolve host'
				"""));
		Diagnosis stopped = diagnose(engine, """
				Executing "step_script" stage of the job script
				$ make
				ok
				Saving cache for successful job
				Creating cache default...
				""");
		assertThat(stopped.outcome()).isEqualTo(Outcome.UNKNOWN);
		assertThat(stopped.category()).isEqualTo(Category.JOB_SUCCEEDED);
		Diagnosis stillRunning = diagnose(engine, """
				Executing "step_script" stage of the job script
				$ make
				ok
				""");
		assertThat(stillRunning.category()).isEqualTo(Category.UNKNOWN);
		Diagnosis withCause = diagnose(engine,
				"""
						Executing "step_script" stage of the job script
						$ git fetch
						fatal: unable to access 'https://gitlab.example.com/g/p.git/': Could not resolve host: gitlab.example.com
						Saving cache for successful job
						""");
		assertThat(withCause.category()).isEqualTo(Category.GIT_DNS_FAILURE);
	}

	@Test
	void admitsTheFinalErrorBesideTheSectionsAScopeNames() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("image-pull-failed", "pull", """
				match:
				  all:
				    - contains: 'image pull failed'
				      in: [prepare_script, final-error]
				"""));
		assertThat(diagnose(engine, stages("WARNING: image pull failed: back-off", "", "", "ERROR: Job failed: x"))
			.findings()).hasSize(1);
		assertThat(diagnose(engine, stages("", "", "", "ERROR: Job failed: prepare environment: image pull failed"))
			.findings()).hasSize(1);
		assertThat(
				diagnose(engine, stages("", "", "echo image pull failed", "ERROR: Job failed: exit code 1")).findings())
			.isEmpty();
	}

	@Test
	void neverLetsANoteNameTheCauseOfAFailedJob() {
		TestLibrary library = new TestLibrary(this.root).pattern("cache-failed", "no-cache", """
				severity: info
				match:
				  all:
				    - contains: 'No URL provided, cache will not be'
				      in: failing-section
				""").pattern("script-failure", "any-exit", """
				generic: true
				confidence: low
				match:
				  all:
				    - regex: 'exit code (?P<code>\\d+)'
				      in: final-error
				""");
		Diagnosis diagnosis = diagnose(engine(library), stages("", "", "No URL provided, cache will not be uploaded",
				"ERROR: Job failed: command terminated with exit code 1"));
		assertThat(diagnosis.findings()).extracting(Finding::pattern).containsExactly("any-exit", "no-cache");
		assertThat(diagnosis.category()).isEqualTo(Category.SCRIPT_FAILURE);
		assertThat(diagnosis.top().pattern()).isEqualTo("any-exit");
		Diagnosis onlyNote = diagnose(
				engine(new TestLibrary(this.root.resolve("notes")).pattern("cache-failed", "no-cache", """
						severity: info
						match:
						  all:
						    - contains: 'No URL provided, cache will not be'
						""")), stages("", "", "No URL provided, cache will not be uploaded", "ERROR: Job failed: x"));
		assertThat(onlyNote.category()).isEqualTo(Category.UNKNOWN);
		assertThat(onlyNote.findings()).extracting(Finding::pattern).containsExactly("no-cache");
		assertThat(onlyNote.top()).isNull();
	}

	@Test
	void rulesOutAPatternWhoseVetoMatchesAndShowsTheLine() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("job-timeout", "timeout", """
				match:
				  all:
				    - contains: 'execution took longer than'
				  none:
				    - contains: 'script canceled externally'
				"""));
		Diagnosis vetoed = diagnose(engine, "WARNING: script canceled externally (UI, API)\n"
				+ "ERROR: Job failed: execution took longer than 1h0m0s seconds\n");
		assertThat(vetoed.findings()).isEmpty();
		assertThat(vetoed.ruledOut()).singleElement().satisfies((ruledOut) -> {
			assertThat(ruledOut.reason()).contains("script canceled externally").contains("line 1");
			assertThat(ruledOut.evidence()).extracting(Evidence::role).containsExactly("final-error", "ruled-out-by");
		});
		assertThat(diagnose(engine, "ERROR: Job failed: execution took longer than 1h0m0s seconds\n").findings())
			.extracting(Finding::pattern)
			.containsExactly("timeout");
	}

	@Test
	void requiresTheLinesOfAWindowToBeCloseTogether() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("k8s-api-config-missing", "pair", """
				match:
				  window: 2
				  all:
				    - contains: 'first half'
				    - contains: 'second half'
				"""));
		assertThat(diagnose(engine, "first half\nmiddle\nsecond half\nERROR: Job failed: x\n").findings()).hasSize(1);
		assertThat(diagnose(engine, "first half\na\nb\nc\nsecond half\nERROR: Job failed: x\n").findings()).isEmpty();
	}

	@Test
	void comparesCapturesWithWhere() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("k8s-rbac-forbidden", "other-ns", """
				match:
				  all:
				    - regex: 'sa (?P<sa_ns>[a-z]+) in (?P<ns>[a-z]+)'
				  where:
				    - sa_ns != ns
				"""));
		assertThat(diagnose(engine, "ERROR: Job failed: sa gitlab in default\n").findings()).hasSize(1);
		assertThat(diagnose(engine, "ERROR: Job failed: sa gitlab in gitlab\n").findings()).isEmpty();
	}

	@Test
	void takesExtraCapturesFromTheLastMatchInScopeAndFactsFromTheLog() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("pod-start-timeout", "pod-wait", """
				summary: '{{pod}} in {{runner.namespace}}'
				match:
				  all:
				    - contains: 'timed out waiting for pod to start'
				  capture:
				    pod: 'Waiting for pod [a-z]+/([a-z0-9-]+) to be running'
				"""));
		Diagnosis diagnosis = diagnose(engine, "Using Kubernetes namespace: ci\n"
				+ "Waiting for pod ci/first-pod to be running, status is Pending\n"
				+ "Waiting for pod ci/second-pod to be running, status is Pending\n"
				+ "ERROR: Job failed (system failure): prepare environment: timed out waiting for pod to start\n");
		assertThat(diagnosis.top().captures()).containsEntry("pod", "second-pod");
		assertThat(diagnosis.summary()).isEqualTo("second-pod in ci");
	}

	@Test
	void namesTheFailingCommandAndItsFirstErrorLinesRatherThanTheTrailer() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("script-failure", "exit", """
				generic: true
				match:
				  all:
				    - regex: 'exit code (?P<code>\\d+)'
				      in: final-error
				  evidence: decisive-lines
				"""));
		Diagnosis diagnosis = diagnose(engine, stages("", "",
				String.join("\n", "\u001B[32;1m$ make deps\u001B[0;m", "warning: deprecated error handling flag",
						"\u001B[32;1m$ make test\u001B[0;m", "running 12 tests",
						"FAILED test_login: AssertionError: expected 200, got 500", "11 passed, 1 failed"),
				"ERROR: Job failed: command terminated with exit code 2"));
		assertThat(diagnosis.top().evidence()).extracting(Evidence::role, Evidence::text)
			.startsWith(org.assertj.core.groups.Tuple.tuple("command", "$ make test"), org.assertj.core.groups.Tuple
				.tuple("decisive", "FAILED test_login: AssertionError: expected 200, got 500"));
		assertThat(diagnosis.top().evidence()).extracting(Evidence::text)
			.doesNotContain("warning: deprecated error handling flag",
					"ERROR: Job failed: command terminated with exit code 2");
		assertThat(diagnosis.decisiveLines()).isEqualTo(diagnosis.top().evidence());
	}

	@Test
	void saysUnknownWhenNothingMatchesAndStillPointsAtTheDecisiveLines() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("oom-killed", "oom", """
				match:
				  all:
				    - contains: 'OOMKilled'
				"""));
		Diagnosis diagnosis = diagnose(engine,
				stages("", "", "\u001B[32;1m$ ./deploy.sh\u001B[0;m\nerror: cannot reach vault",
						"ERROR: Job failed: command terminated with exit code 1"));
		assertThat(diagnosis.category()).isEqualTo(Category.UNKNOWN);
		assertThat(diagnosis.findings()).isEmpty();
		assertThat(diagnosis.summary()).contains("failed in step_script");
		assertThat(diagnosis.decisiveLines()).extracting(Evidence::text)
			.containsExactly("$ ./deploy.sh", "error: cannot reach vault");
	}

	@Test
	void reportsASucceededJobAsSucceededAndTriesOnlyPatternsMeantForIt() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("cache-failed", "no-cache", """
				severity: info
				applies-to: [succeeded, failed]
				match:
				  all:
				    - contains: 'No URL provided, cache will not be'
				""").pattern("oom-killed", "oom", """
				match:
				  all:
				    - contains: 'OOMKilled'
				"""));
		Diagnosis diagnosis = diagnose(engine,
				"No URL provided, cache will not be uploaded to shared cache server.\nOOMKilled earlier\nJob succeeded\n");
		assertThat(diagnosis.category()).isEqualTo(Category.JOB_SUCCEEDED);
		assertThat(diagnosis.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(diagnosis.findings()).extracting(Finding::pattern).containsExactly("no-cache");
		assertThat(diagnosis.decisiveLines()).isEmpty();
	}

	@Test
	void triesOnlyCancellationPatternsOnACanceledJob() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("job-canceled", "canceled", """
				applies-to: [canceled]
				match:
				  all:
				    - contains: 'Job failed: canceled'
				""").pattern("oom-killed", "oom", """
				match:
				  all:
				    - contains: 'OOMKilled'
				"""));
		Diagnosis diagnosis = diagnose(engine, "OOMKilled\nERROR: Job failed: canceled\n");
		assertThat(diagnosis.findings()).extracting(Finding::pattern).containsExactly("canceled");
	}

	@Test
	void rulesOutEvidenceFromAStageThatWentOnWhenAnotherFindingSitsAtTheFailure() {
		DiagnosisEngine engine = engine(
				new TestLibrary(this.root).pattern("helper-image-pull-failed", "helper-warning", """
						match:
						  all:
						    - contains: 'Pulling GitLab Runner helper image from Docker Hub'
						""").pattern("git-connection-failed", "unreachable", """
						match:
						  all:
						    - contains: 'Host is unreachable'
						"""));
		Diagnosis diagnosis = diagnose(engine, stages(
				"WARNING: Pulling GitLab Runner helper image from Docker Hub. Helper image is migrating",
				"fatal: unable to access 'https://gitlab.mylab.com/x.git/': Failed to connect to gitlab.mylab.com port 443: Host is unreachable",
				"", "ERROR: Job failed: command terminated with exit code 1")
			.replace("section_start:3:step_script\r\u001B[0KExecuting \"step_script\" stage of the job script\n\n"
					+ "section_end:4:step_script\r\u001B[0K", ""));
		assertThat(diagnosis.findings()).extracting(Finding::pattern).containsExactly("unreachable");
		assertThat(diagnosis.ruledOut()).singleElement()
			.satisfies((ruledOut) -> assertThat(ruledOut.reason()).contains("failed later, in get_sources")
				.contains("prepare_script"));
	}

	@Test
	void keepsTheOnlyFindingEvenWhenItsEvidenceIsOutsideTheFailingStage() {
		DiagnosisEngine engine = engine(
				new TestLibrary(this.root).pattern("helper-image-pull-failed", "helper-warning", """
						match:
						  all:
						    - contains: 'Pulling GitLab Runner helper image from Docker Hub'
						"""));
		Diagnosis diagnosis = diagnose(engine, stages("WARNING: Pulling GitLab Runner helper image from Docker Hub.",
				"fatal: something else", "", "ERROR: Job failed: command terminated with exit code 1"));
		assertThat(diagnosis.findings()).extracting(Finding::pattern).containsExactly("helper-warning");
		assertThat(diagnosis.top().confidence().score()).isLessThan(0.75);
	}

	@Test
	void lowersConfidenceWhenTheLogHasNoEndAndNoSections() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("git-dns-failure", "dns", """
				match:
				  in: [get_sources]
				  all:
				    - contains: 'Could not resolve host'
				"""));
		Diagnosis diagnosis = diagnose(engine, "fatal: unable to access 'https://x/': Could not resolve host: x\n");
		assertThat(diagnosis.findings()).hasSize(1);
		assertThat(signalNames(diagnosis.top())).contains("sections-unknown", "no-final-status");
		assertThat(diagnosis.top().confidence().score()).isEqualTo(0.55);
	}

	@Test
	void matchesTheFinalErrorJoinedWhenACopyWrappedIt() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("k8s-api-unauthorized", "unauthorized", """
				match:
				  all:
				    - regex: 'setting up credentials: Unauthorized'
				      in: final-error
				"""));
		Diagnosis diagnosis = diagnose(engine,
				"ERROR: Job failed (system failure): \nprepare environment: setting up credentials: \nUnauthorized. \n");
		assertThat(diagnosis.top().evidence()).singleElement().satisfies((evidence) -> {
			assertThat(evidence.role()).isEqualTo("final-error");
			assertThat(evidence.line()).isEqualTo(1);
			assertThat(evidence.text()).isEqualTo(
					"ERROR: Job failed (system failure): prepare environment: setting up credentials: Unauthorized.");
		});
	}

	@Test
	void skipsPatternsOutsideTheirRunnerVersions() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("runner-misconfiguration", "new-only", """
				runner-versions: '>=17.0'
				match:
				  all:
				    - contains: 'odd setting'
				"""));
		assertThat(
				diagnose(engine, "Running with gitlab-runner 16.11.0 (abcdef12)\nodd setting\nERROR: Job failed: x\n")
					.findings())
			.isEmpty();
		assertThat(diagnose(engine, "Running with gitlab-runner 17.5.0 (abcdef12)\nodd setting\nERROR: Job failed: x\n")
			.findings()).hasSize(1);
	}

	@Test
	void letsAPatternExplainAnotherAway() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("pod-evicted", "evicted", """
				supersedes: [oom]
				match:
				  all:
				    - contains: 'The node was low on resource'
				""").pattern("oom-killed", "oom", """
				match:
				  all:
				    - contains: 'exit code 137'
				"""));
		Diagnosis diagnosis = diagnose(engine,
				"WARNING: Event retrieved from the cluster: The node was low on resource: memory.\n"
						+ "ERROR: Job failed: command terminated with exit code 137\n");
		assertThat(diagnosis.findings()).extracting(Finding::pattern).containsExactly("evicted");
		assertThat(diagnosis.ruledOut()).extracting(RuledOut::reason)
			.singleElement()
			.asString()
			.startsWith("explained by evicted");
	}

	@Test
	void redactsSecretsInEvidenceCapturesSummaryAndFix() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("git-auth-failed", "auth", """
				summary: 'access denied for {{url}}'
				match:
				  all:
				    - regex: "fatal: Authentication failed for '(?P<url>[^']+)'"
				fix:
				  - kind: shell
				    title: Try the URL
				    content: git ls-remote {{url}}
				"""));
		Diagnosis diagnosis = diagnose(engine, "remote: HTTP Basic: Access denied\n"
				+ "fatal: Authentication failed for 'https://oauth2:glpat-AbCdEfGhIjKlMnOpQrSt@gitlab.example.com/g/p.git/'\n"
				+ "ERROR: Job failed: command terminated with exit code 128\n");
		String json = DiagnosisJson.toJson(diagnosis);
		assertThat(json).doesNotContain("AbCdEfGhIjKlMnOpQrSt");
		assertThat(diagnosis.top().captures().get("url"))
			.isEqualTo("https://oauth2:[REDACTED]@gitlab.example.com/g/p.git/");
		assertThat(diagnosis.top().fix().get(0).content()).contains("[REDACTED]");
		assertThat(diagnosis.redactions()).isPositive();
	}

	@Test
	void handsTheRedactedLinesToTheCaller() throws Exception {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("oom-killed", "oom", """
				match:
				  all:
				    - contains: 'OOMKilled'
				"""));
		List<String> lines = new ArrayList<>();
		engine.diagnose(
				new ByteArrayInputStream(
						"export TOKEN=glpat-AbCdEfGhIjKlMnOpQrSt\nplain line\n".getBytes(StandardCharsets.UTF_8)),
				new TraceListener() {

					@Override
					public void onLine(TraceLine line) {
						lines.add(line.text());
					}

				});
		assertThat(lines).containsExactly("export TOKEN=[REDACTED]", "plain line");
	}

	@Test
	void countsWhatThePrefilterCanAndCannotFilter() {
		DiagnosisEngine engine = engine(new TestLibrary(this.root).pattern("script-failure", "literal", """
				match:
				  all:
				    - regex: 'command not found: (\\S+)'
				""").pattern("script-failure", "no-literal", """
				match:
				  all:
				    - regex: '^\\d+$'
				"""));
		assertThat(engine.prefilterStatistics()).startsWith("1 literals for 2 tests; 1 tests without a literal");
	}

	private static DiagnosisEngine engine(TestLibrary library) {
		return new DiagnosisEngine(library.load());
	}

	private static Diagnosis diagnose(DiagnosisEngine engine, String log) {
		return engine.diagnose(log.getBytes(StandardCharsets.UTF_8));
	}

	private static String stages(String prepare, String sources, String script, String last) {
		return RAW_STAGES.formatted(prepare, sources, script, last);
	}

	private static List<String> signalNames(Finding finding) {
		return finding.confidence().signals().stream().map(Signal::name).toList();
	}

}
