package io.tracedoc.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The sample logs of the home page ({@code samples/samples.yaml} and the logs beside it),
 * read once at start-up: a missing file fails the start.
 */
@Component
class SampleLogs {

	private static final String LOCATION = "samples/";

	private final List<Sample> samples;

	SampleLogs() {
		this(LOCATION + "samples.yaml");
	}

	SampleLogs(String index) {
		List<Entry> entries;
		try (InputStream in = new ClassPathResource(index).getInputStream()) {
			entries = YAMLMapper.builder().build().readValue(in, new TypeReference<List<Entry>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the sample index " + index, ex);
		}
		List<Sample> loaded = new ArrayList<>();
		for (Entry entry : entries) {
			try (InputStream in = new ClassPathResource(LOCATION + entry.file()).getInputStream()) {
				loaded.add(new Sample(entry.file().replaceFirst("\\.log$", ""), entry.title(), entry.shape(),
						in.readAllBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("the sample index names " + entry.file() + ", which is missing", ex);
			}
		}
		this.samples = List.copyOf(loaded);
	}

	List<Sample> all() {
		return this.samples;
	}

	Optional<Sample> find(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).findFirst();
	}

	/**
	 * A sample log.
	 *
	 * @param name the file name without {@code .log}, used in URLs
	 * @param title what fails in it
	 * @param shape how the log reached tracedoc (copied, downloaded, raw)
	 * @param log its bytes
	 */
	record Sample(String name, String title, String shape, byte[] log) {

	}

	private record Entry(String file, String title, String shape) {

	}

}
