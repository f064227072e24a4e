package io.tracedoc.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API server's audit log (JSON lines, one event per request stage, written by
 * {@code --audit-log-path}): who did what, to prove that tracedoc only reads.
 */
final class AuditLog {

	/** What tracedoc may do: read, and ask access reviews (which change nothing). */
	private static final Set<String> READS = Set.of("get", "list", "watch");

	private static final Set<String> REVIEWS = Set.of("subjectaccessreviews", "selfsubjectaccessreviews");

	private AuditLog() {
	}

	/**
	 * One completed request.
	 *
	 * @param user the user name
	 * @param verb the verb ({@code get}, {@code list}, {@code create} ...)
	 * @param resource the resource, with {@code /subresource}, or the non-resource path
	 * @param code the response code
	 */
	record Request(String user, String verb, String resource, int code) {

		boolean readOnly() {
			return READS.contains(this.verb) || ("create".equals(this.verb) && REVIEWS.contains(this.resource));
		}

	}

	/**
	 * @param file the audit log
	 * @param users the prefix of the user names to keep
	 * @param since requests received before this are left out
	 * @return the completed requests of those users
	 */
	static List<Request> requests(Path file, String users, Instant since) {
		ObjectMapper json = new ObjectMapper();
		try (Stream<String> lines = Files.lines(file)) {
			return lines.filter((line) -> line.contains(users)).map(json::readTree).filter((event) -> {
				String stage = event.path("stage").asString();
				return "ResponseComplete".equals(stage)
						&& event.path("user").path("username").asString().startsWith(users)
						&& !Instant.parse(event.path("requestReceivedTimestamp").asString()).isBefore(since);
			}).map(AuditLog::request).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Request request(JsonNode event) {
		JsonNode object = event.path("objectRef");
		String resource = object.isMissingNode() ? event.path("requestURI").asString()
				: object.path("resource").asString()
						+ (object.hasNonNull("subresource") ? "/" + object.path("subresource").asString() : "");
		return new Request(event.path("user").path("username").asString(), event.path("verb").asString(), resource,
				event.path("responseStatus").path("code").asInt());
	}

	/**
	 * @param requests requests
	 * @return how many of each verb, with the resource for anything but a read
	 */
	static Map<String, Long> byVerb(List<Request> requests) {
		Map<String, Long> counts = new TreeMap<>();
		for (Request request : requests) {
			String key = READS.contains(request.verb()) ? request.verb() : request.verb() + " " + request.resource();
			counts.merge(key, 1L, Long::sum);
		}
		return counts;
	}

}
