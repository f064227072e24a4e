package io.tracedoc.diagnosis;

import java.io.OutputStream;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the Diagnosis JSON ({@code docs/diagnosis-json.md}): record components
 * by name, categories and levels by their kebab-case ids, times as ISO-8601.
 */
public final class DiagnosisJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private DiagnosisJson() {
	}

	/**
	 * @param value a diagnosis, or a list of them
	 * @return indented JSON
	 */
	public static String toJson(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * @param value a diagnosis, or a list of them
	 * @param out where the JSON goes; left open
	 */
	public static void write(Object value, OutputStream out) {
		MAPPER.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValue(out, value);
	}

	/**
	 * @return the mapper, configured for the Diagnosis JSON
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}
