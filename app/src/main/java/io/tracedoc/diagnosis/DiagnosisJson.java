package io.tracedoc.diagnosis;

import java.io.OutputStream;

import io.tracedoc.trace.TraceJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the Diagnosis JSON ({@code docs/diagnosis-json.md}) with the trace model's
 * mapper, since a diagnosis embeds the trace model: record components by name, categories
 * and levels by their kebab-case ids, times as ISO-8601.
 */
public final class DiagnosisJson {

	private DiagnosisJson() {
	}

	/**
	 * @param value a diagnosis, or a list of them
	 * @return indented JSON
	 */
	public static String toJson(Object value) {
		return TraceJson.toJson(value);
	}

	/**
	 * @param value a diagnosis, or a list of them
	 * @param out where the JSON goes; left open
	 */
	public static void write(Object value, OutputStream out) {
		TraceJson.write(value, out);
	}

	/**
	 * @return the mapper, configured for the Diagnosis JSON
	 */
	public static JsonMapper mapper() {
		return TraceJson.mapper();
	}

}
