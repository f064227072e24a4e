package io.tracedoc.trace;

import java.io.OutputStream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of the trace model: record components by name, times as ISO-8601 strings,
 * section ids as indexes into {@code sections} (-1 for none).
 */
public final class TraceJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private TraceJson() {
	}

	/**
	 * @param model a {@link JobTrace}, {@link TraceSummary} or any part of them
	 * @return indented JSON
	 */
	public static String toJson(Object model) {
		return MAPPER.writeValueAsString(model);
	}

	/**
	 * Writes indented JSON without building it in memory first.
	 * @param model a {@link JobTrace}, {@link TraceSummary} or any part of them
	 * @param out where the JSON goes; left open
	 */
	public static void write(Object model, OutputStream out) {
		MAPPER.writer().without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).writeValue(out, model);
	}

	/**
	 * @return the mapper, for JSON that embeds the trace model (the Diagnosis JSON does)
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}
