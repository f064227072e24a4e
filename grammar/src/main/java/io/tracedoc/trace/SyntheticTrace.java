package io.tracedoc.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes realistic raw Kubernetes-executor job traces of any size, for benchmarks and for
 * tests that need a big log without storing one: the runner header, stage sections with
 * pod-wait lines, a git fetch, a long build with coloured tool output, progress bars
 * overwritten by carriage returns, script step sections, non-ASCII output, and the final
 * failure. The same seed gives the same bytes.
 */
public final class SyntheticTrace {

	private static final String[] BUILD_LINES = {
			"[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/springframework/spring-core/7.0.1/spring-core-7.0.1.pom",
			"[INFO] Compiling 214 source files with javac [debug release 21] to target/classes",
			"[WARNING] /builds/group/project/src/main/java/com/example/Service.java:[42,17] deprecated API used",
			"[INFO] Tests run: 38, Failures: 0, Errors: 0, Skipped: 2, Time elapsed: 1.274 s - in com.example.ServiceTests",
			"npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory.",
			"added 1284 packages, and audited 1285 packages in 41s",
			" ✓ src/components/Button.test.tsx (12 tests) 184ms",
			"Step 7/15 : RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl",
			" ---> Running in 4f2c1d9e8b7a", "go: downloading github.com/stretchr/testify v1.9.0",
			"=== RUN   TestReconcile/creates_deployment", "--- PASS: TestReconcile (0.03s)",
			"    ビルド成功: モジュール 12 個をコンパイルしました", "    构建完成，耗时 3.2 秒",
			"2026-11-23 10:15:42.118  INFO 1 --- [           main] c.e.Application : Started Application in 4.1 seconds",
			"pytest -q tests/ -k 'not slow' --maxfail=1 -p no:cacheprovider", };

	private static final String[] COLOURS = { "\u001B[32;1m", "\u001B[0;33m", "\u001B[31;1m", "\u001B[36;1m",
			"\u001B[1m", "\u001B[38;5;208m", "\u001B[90m" };

	private final Random random;

	private final OutputStream out;

	private long written;

	private long epoch = 1_729_000_000L;

	private SyntheticTrace(long seed, OutputStream out) {
		this.random = new Random(seed);
		this.out = out;
	}

	/**
	 * @param bytes the size to reach (the trace ends with a complete final status line
	 * after it)
	 * @param seed the random seed
	 * @return the trace
	 */
	public static byte[] generate(long bytes, long seed) {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, bytes + 4096));
		write(bytes, seed, buffer);
		return buffer.toByteArray();
	}

	/**
	 * @param bytes the size to reach
	 * @param seed the random seed
	 * @param out where the trace goes
	 */
	public static void write(long bytes, long seed, OutputStream out) {
		new SyntheticTrace(seed, out).trace(bytes);
	}

	private void trace(long bytes) {
		emit("\u001B[0KRunning with gitlab-runner 18.5.0 (bda2b3c4)\u001B[0;m\n");
		emit("\u001B[0K  on k8s-runner-7f9c AbCdE1fGh, system ID: s_0123456789ab\u001B[0;m\n");
		section("prepare_executor", "Preparing the \"kubernetes\" executor");
		emit("\u001B[0KUsing Kubernetes namespace: ci-builds\u001B[0;m\n");
		emit("\u001B[0KUsing Kubernetes executor with image maven:3.9-eclipse-temurin-21 ...\u001B[0;m\n");
		emit("\u001B[0KUsing attach strategy to execute scripts...\u001B[0;m\n");
		end("prepare_executor");
		section("prepare_script", "Preparing environment");
		String pod = "runner-abcde1fgh-project-4242-concurrent-0-x1y2z3w4";
		for (int i = 0; i < 5; i++) {
			emit("Waiting for pod ci-builds/" + pod + " to be running, status is Pending\n");
			emit("\tContainersNotReady: \"containers with unready status: [build helper]\"\n");
		}
		emit("Running on " + pod + " via k8s-runner-7f9c-6d9f8c6b5-abcde...\n");
		end("prepare_script");
		section("get_sources", "Getting source from Git repository");
		emit("\u001B[32;1mFetching changes with git depth set to 20...\u001B[0;m\n");
		emit("Initialized empty Git repository in /builds/group/project/.git/\n");
		emit("\u001B[32;1mCreated fresh repository.\u001B[0;m\n");
		emit("\u001B[32;1mChecking out 1a2b3c4d as detached HEAD (ref is main)...\u001B[0;m\n");
		end("get_sources");
		section("step_script", "Executing \"step_script\" stage of the job script");
		int step = 0;
		while (this.written < bytes) {
			String id = "section_script_step_" + step++;
			emitRaw("section_start:" + this.epoch + ":" + id + "[hide_duration=true,collapsed=true]\r\u001B[0K"
					+ "\u001B[32;1m$ ./build.sh --module " + step + "\u001B[0;m\n");
			int lines = 200 + this.random.nextInt(800);
			for (int i = 0; i < lines && this.written < bytes; i++) {
				outputLine();
			}
			emitRaw("section_end:" + this.epoch + ":" + id + "\r\u001B[0K\n");
			this.epoch += this.random.nextInt(20);
		}
		emit("\u001B[0;33mWARNING: Event retrieved from the cluster: Memory cgroup out of memory\u001B[0;m\n");
		end("step_script");
		section("cleanup_file_variables", "Cleaning up project directory and file based variables");
		end("cleanup_file_variables");
		emit("\u001B[31;1mERROR: Job failed: command terminated with exit code 137\u001B[0;m\n");
	}

	private void outputLine() {
		int kind = this.random.nextInt(100);
		if (kind < 3) {
			StringBuilder bar = new StringBuilder("Downloading dependencies ");
			for (int percent = 0; percent <= 100; percent += 10) {
				bar.append(percent).append("% ").append("=".repeat(percent / 10)).append('\r');
			}
			emit(bar.append("done\n").toString());
		}
		else if (kind < 18) {
			emit(COLOURS[this.random.nextInt(COLOURS.length)] + BUILD_LINES[this.random.nextInt(BUILD_LINES.length)]
					+ "\u001B[0;m\n");
		}
		else if (kind < 19) {
			emit("[ERROR] " + "x".repeat(2_000 + this.random.nextInt(6_000)) + "\n");
		}
		else {
			emit(BUILD_LINES[this.random.nextInt(BUILD_LINES.length)] + " #" + this.random.nextInt(100_000) + "\n");
		}
	}

	private void section(String name, String header) {
		emitRaw("section_start:" + this.epoch + ":" + name + "\r\u001B[0K\u001B[0K\u001B[36;1m" + header
				+ "\u001B[0;m\u001B[0;m\n");
	}

	private void end(String name) {
		this.epoch += 1 + this.random.nextInt(30);
		emitRaw("section_end:" + this.epoch + ":" + name + "\r\u001B[0K");
	}

	private void emit(String text) {
		emitRaw(text);
	}

	private void emitRaw(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		try {
			this.out.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.written += bytes.length;
	}

}
