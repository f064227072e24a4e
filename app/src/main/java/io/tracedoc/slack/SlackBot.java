package io.tracedoc.slack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import com.slack.api.model.File;

import io.tracedoc.diagnosis.Diagnosis;
import io.tracedoc.diagnosis.DiagnosisService;
import io.tracedoc.diagnosis.Evidence;
import io.tracedoc.diagnosis.Finding;
import io.tracedoc.diagnosis.JobContext;
import io.tracedoc.diagnosis.LogIntake;
import io.tracedoc.diagnosis.LogTooLargeException;
import io.tracedoc.diagnosis.LogViewer;
import io.tracedoc.diagnosis.Probing;
import io.tracedoc.diagnosis.StoredDiagnosis;
import io.tracedoc.history.Feedback;
import io.tracedoc.history.LuceneDiagnosisStore;
import io.tracedoc.pattern.Category;
import io.tracedoc.system.Problems;

/**
 * The bot's answers. Requests are verified and acknowledged by {@link SlackController}
 * within Slack's three seconds; the work (fetching, diagnosing, probing) runs here on a
 * bounded executor, and the answer goes to the request's {@code response_url} or into the
 * thread it came from. Whatever goes wrong, the person who asked gets a sentence saying
 * so.
 */
class SlackBot {

	private static final Logger logger = LoggerFactory.getLogger(SlackBot.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/** Log lines shown before and after each piece of evidence. */
	static final int EVIDENCE_CONTEXT = 10;

	/** Pieces of evidence "Show evidence" expands. */
	static final int EVIDENCE_PIECES = 5;

	private static final String USAGE = "Give me a GitLab job URL, a tracedoc diagnosis id or link, or paste a job log: "
			+ "/tracedoc https://gitlab.example.com/group/project/-/jobs/42";

	private final SlackClient slack;

	private final SlackMessages messages;

	private final LogIntake intake;

	private final DiagnosisService diagnoses;

	private final Probing probing;

	private final LogViewer viewer;

	private final ObjectProvider<LuceneDiagnosisStore> history;

	private final Executor work;

	private final Set<String> fileHosts;

	private final Clock clock;

	SlackBot(SlackClient slack, SlackMessages messages, LogIntake intake, DiagnosisService diagnoses, Probing probing,
			LogViewer viewer, ObjectProvider<LuceneDiagnosisStore> history, Executor work, Set<String> fileHosts,
			Clock clock) {
		this.slack = slack;
		this.messages = messages;
		this.intake = intake;
		this.diagnoses = diagnoses;
		this.probing = probing;
		this.viewer = viewer;
		this.history = history;
		this.work = work;
		this.fileHosts = Set.copyOf(fileHosts);
		this.clock = clock;
	}

	/**
	 * Where an answer goes.
	 *
	 * @param responseUrl the request's {@code response_url}, or {@code null}
	 * @param replaceOriginal replace the message whose button was pressed
	 * @param channel the channel of a thread, or {@code null}
	 * @param threadTs the thread, or {@code null}
	 */
	record Destination(String responseUrl, boolean replaceOriginal, String channel, String threadTs) {

		static Destination response(String responseUrl, boolean replaceOriginal) {
			return new Destination(responseUrl, replaceOriginal, null, null);
		}

		static Destination thread(String channel, String threadTs) {
			return new Destination(null, false, channel, threadTs);
		}

	}

	/**
	 * A slash command: {@code /tracedoc <job URL | diagnosis id | log>}.
	 * @param text what followed the command
	 * @param responseUrl where the answer goes
	 * @return the acknowledgement Slack shows at once (only to the person who asked)
	 */
	String command(String text, String responseUrl) {
		SlackInput input = SlackInput.of(text);
		if (input.kind() == SlackInput.Kind.NOTHING) {
			return USAGE;
		}
		boolean accepted = submit(
				() -> answer(Destination.response(responseUrl, false), true, () -> diagnose(input, null)));
		return accepted ? "Diagnosing\u2026 the answer follows in a moment." : busy();
	}

	/**
	 * The bot was mentioned: answer in the thread.
	 * @param channel the channel
	 * @param threadTs the thread, or the message to start one from
	 * @param text the message's text
	 * @param files files attached to it
	 */
	void mentioned(String channel, String threadTs, String text, List<File> files) {
		Destination thread = Destination.thread(channel, threadTs);
		File log = (files != null) ? files.stream()
			.filter((file) -> file.getUrlPrivateDownload() != null || file.getUrlPrivate() != null)
			.findFirst()
			.orElse(null) : null;
		SlackInput input = SlackInput.of(text);
		if (log == null && input.kind() == SlackInput.Kind.NOTHING) {
			submit(() -> send(thread, this.messages.sentence(USAGE), false));
			return;
		}
		if (!submit(() -> answer(thread, true, () -> diagnose(input, log)))) {
			logger.warn("Slack mention dropped: every worker is busy and the queue is full");
		}
	}

	/**
	 * A button was pressed or a category chosen.
	 * @param actionId the action
	 * @param value the button's value: a diagnosis id
	 * @param blockId the block the action is in
	 * @param selected the chosen option's value, for a select
	 * @param user who pressed it
	 * @param responseUrl where the answer goes
	 */
	void action(String actionId, String value, String blockId, String selected, String user, String responseUrl) {
		Runnable task = switch (actionId) {
			case SlackMessages.REPROBE ->
				() -> answer(Destination.response(responseUrl, true), true, () -> reprobe(value));
			case SlackMessages.EVIDENCE ->
				() -> answer(Destination.response(responseUrl, false), false, () -> evidence(value));
			case SlackMessages.WRONG ->
				() -> answer(Destination.response(responseUrl, false), false, () -> wrong(value, user));
			case SlackMessages.CATEGORY ->
				() -> answer(Destination.response(responseUrl, true), false, () -> correct(blockId, selected, user));
			// a link button: Slack opens the permalink itself
			default -> null;
		};
		if (task != null && !submit(task)) {
			submit(() -> send(Destination.response(responseUrl, false), this.messages.sentence(busy()), false));
		}
	}

	private boolean submit(Runnable task) {
		try {
			this.work.execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	private static String busy() {
		return "tracedoc is busy with other diagnoses: try again in a minute.";
	}

	/** Something that makes an answer and may fail with a sentence for the user. */
	@FunctionalInterface
	private interface Answer {

		SlackMessages.Message make() throws IOException;

	}

	private void answer(Destination destination, boolean inChannel, Answer answer) {
		SlackMessages.Message message;
		try {
			message = answer.make();
		}
		catch (ErrorResponseException ex) {
			// tracedoc's own problems: fixed sentences, never text from the request
			message = this.messages.sentence(ex.getBody().getDetail());
			inChannel = false;
		}
		catch (LogTooLargeException ex) {
			message = this.messages.sentence("The log is larger than the " + ex.limitBytes()
					+ " bytes tracedoc accepts (tracedoc.diagnosis.max-log-size); nothing was kept.");
			inChannel = false;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Slack request failed: {}", ex.toString());
			message = this.messages.sentence("tracedoc could not answer this request (" + ex.getClass().getSimpleName()
					+ "). Try again, or use the web page.");
			inChannel = false;
		}
		send(destination, message, inChannel);
	}

	private void send(Destination destination, SlackMessages.Message message, boolean inChannel) {
		try {
			if (destination.responseUrl() != null) {
				this.slack.respond(destination.responseUrl(), message, destination.replaceOriginal(), inChannel);
			}
			else {
				this.slack.post(destination.channel(), destination.threadTs(), message);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Slack did not take tracedoc's answer: {}", ex.toString());
		}
	}

	private SlackMessages.Message diagnose(SlackInput input, File file) throws IOException {
		StoredDiagnosis stored;
		if (file != null) {
			stored = diagnoseFile(file);
		}
		else {
			switch (input.kind()) {
				case JOB_URL -> {
					// without a GitLab token this says so
					stored = this.intake.diagnoseJob(input.value(), JobContext.Source.SLACK);
				}
				case DIAGNOSIS -> {
					Optional<StoredDiagnosis> found = this.diagnoses.find(input.value());
					if (found.isEmpty()) {
						throw unknown(input.value());
					}
					stored = found.get();
				}
				default -> stored = this.intake.diagnose(
						new ByteArrayInputStream(input.value().getBytes(StandardCharsets.UTF_8)),
						JobContext.of(JobContext.Source.SLACK));
			}
		}
		return this.messages.diagnosis(stored, stored.diagnosis(), null);
	}

	private StoredDiagnosis diagnoseFile(File file) throws IOException {
		String url = (file.getUrlPrivateDownload() != null) ? file.getUrlPrivateDownload() : file.getUrlPrivate();
		URI address = URI.create(url);
		// the bot token goes with the download: only ever to Slack
		boolean web = "https".equals(address.getScheme()) || "http".equals(address.getScheme());
		if (!web || !this.fileHosts.contains(address.getHost())) {
			throw new IOException("the file is not on Slack");
		}
		if (file.getSize() != null && file.getSize() > this.diagnoses.maxLogBytes()) {
			throw new LogTooLargeException(this.diagnoses.maxLogBytes());
		}
		try (InputStream log = this.slack.download(url)) {
			return this.intake.diagnose(log, JobContext.of(JobContext.Source.SLACK));
		}
	}

	private SlackMessages.Message reprobe(String id) {
		Optional<StoredDiagnosis> found = this.diagnoses.find(id);
		if (found.isEmpty()) {
			throw unknown(id);
		}
		StoredDiagnosis stored = found.get();
		Diagnosis probed = this.probing.confirm(stored.diagnosis(), stored.context());
		return this.messages.diagnosis(stored, probed, "Probes re-run at " + TIME.format(this.clock.instant()));
	}

	private SlackMessages.Message evidence(String id) {
		Optional<StoredDiagnosis> found = this.diagnoses.find(id);
		if (found.isEmpty()) {
			throw unknown(id);
		}
		Diagnosis diagnosis = found.get().diagnosis();
		Finding top = diagnosis.top();
		List<Evidence> evidence = (top != null) ? top.evidence() : diagnosis.decisiveLines();
		Set<Integer> lines = new LinkedHashSet<>();
		evidence.forEach((piece) -> lines.add(piece.line()));
		List<SlackMessages.EvidenceWindow> windows = new ArrayList<>();
		for (int line : lines) {
			if (windows.size() == EVIDENCE_PIECES) {
				break;
			}
			// lines already shown around an earlier piece are not shown again
			if (windows.stream().anyMatch((window) -> shows(window, line))) {
				continue;
			}
			this.viewer.around(id, line, EVIDENCE_CONTEXT)
				.ifPresent((page) -> windows.add(new SlackMessages.EvidenceWindow(line, page)));
		}
		return this.messages.evidence(found.get(), windows);
	}

	private static boolean shows(SlackMessages.EvidenceWindow window, int line) {
		return window.page().lines().stream().anyMatch((shown) -> shown.number() == line);
	}

	private SlackMessages.Message wrong(String id, String user) {
		LuceneDiagnosisStore store = this.history.getIfAvailable();
		if (store == null) {
			throw Problems.of(HttpStatus.NOT_IMPLEMENTED, "History is off",
					"History is off (tracedoc.history.enabled=false), so tracedoc cannot record that this "
							+ "diagnosis is wrong.");
		}
		Optional<Feedback> feedback = store.feedback(id, Feedback.Verdict.WRONG, null, note(user));
		if (feedback.isEmpty()) {
			throw unknown(id);
		}
		return this.messages.askCategory(id);
	}

	private SlackMessages.Message correct(String blockId, String selected, String user) {
		String id = (blockId != null && blockId.startsWith("category-")) ? blockId.substring("category-".length())
				: null;
		Optional<Category> category = Category.fromId(selected);
		LuceneDiagnosisStore store = this.history.getIfAvailable();
		if (id == null || category.isEmpty() || store == null) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Choice not understood",
					"tracedoc could not read that choice: press \"Wrong diagnosis\" again.");
		}
		if (store.feedback(id, Feedback.Verdict.WRONG, category.get(), note(user)).isEmpty()) {
			throw unknown(id);
		}
		return this.messages.sentence("Thank you: recorded that diagnosis " + id + " should have been "
				+ category.get().id() + ". It counts in the history's accuracy and helps the next pattern.");
	}

	private static String note(String user) {
		return "from Slack" + ((user != null && user.matches("[A-Z0-9]{1,20}")) ? " by " + user : "");
	}

	private static ErrorResponseException unknown(String id) {
		return Problems.of(HttpStatus.NOT_FOUND, "Diagnosis not found", "tracedoc has no diagnosis " + id
				+ ": the id is mistyped, or the diagnosis was removed from the history.");
	}

}
