package io.github.fifoliveness.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample application run as a child JVM, read line by line until it reports a line the
 * caller waits for.
 */
final class ChildJvm implements AutoCloseable {

	private final Process process;

	private final BufferedReader output;

	// Tomcat leaves its folders in java.io.tmpdir when killed; this one goes with the
	// child.
	private final Path tmpdir;

	ChildJvm(Path jar, List<String> args) throws IOException {
		this(Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of("-jar", jar.toString()), args);
	}

	ChildJvm(String java, Path jar, List<String> args) throws IOException {
		this(java, List.of("-jar", jar.toString()), args);
	}

	/**
	 * Run a main class from the given class path: this JVM's own (the benchmarks jar), or
	 * another build's benchmarks jar.
	 * @param mainClass the class to run
	 * @param classPath the class path
	 * @param args its arguments
	 */
	ChildJvm(Class<?> mainClass, String classPath, List<String> args) throws IOException {
		this(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				List.of("-cp", classPath, mainClass.getName()), args);
	}

	private ChildJvm(String java, List<String> launch, List<String> args) throws IOException {
		this.tmpdir = Files.createTempDirectory("child-jvm-");
		List<String> command = new ArrayList<>();
		command.add(java);
		command.add("-Djava.io.tmpdir=" + this.tmpdir);
		command.addAll(launch);
		command.addAll(args);
		this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
		this.output = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
	}

	/**
	 * Return the child's process id.
	 * @return the pid
	 */
	long pid() {
		return this.process.pid();
	}

	/**
	 * Return the child process.
	 * @return the process
	 */
	Process process() {
		return this.process;
	}

	/**
	 * Write a line to the child's standard input.
	 * @param line the line
	 */
	void send(String line) throws IOException {
		this.process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
		this.process.getOutputStream().flush();
	}

	/**
	 * Read output until a line matches, and return the match; then keep reading in the
	 * background, discarding.
	 * @param pattern what to look for
	 * @return the match, with its groups
	 */
	Matcher await(Pattern pattern) throws IOException {
		Matcher matcher = readUntil(pattern);
		drainInBackground();
		return matcher;
	}

	/**
	 * Read output until a line matches, and return the match. Call {@link #await} last,
	 * so the output is drained afterwards.
	 * @param pattern what to look for
	 * @return the match, with its groups
	 */
	Matcher readUntil(Pattern pattern) throws IOException {
		Deque<String> tail = new ArrayDeque<>();
		for (String line = this.output.readLine(); line != null; line = this.output.readLine()) {
			Matcher matcher = pattern.matcher(line);
			if (matcher.find()) {
				return matcher;
			}
			tail.addLast(line);
			if (tail.size() > 20) {
				tail.removeFirst();
			}
		}
		throw new IllegalStateException(
				"The application exited before logging " + pattern + "; its last lines:\n" + String.join("\n", tail));
	}

	/**
	 * Keep reading output in the background, discarding it, from now on.
	 */
	void drain() {
		drainInBackground();
	}

	// A child whose output nobody reads blocks in its logger once the pipe is full.
	private void drainInBackground() {
		Thread drain = new Thread(() -> {
			try {
				while (this.output.readLine() != null) {
					// Discarded: only the awaited line matters.
				}
			}
			catch (IOException ex) {
				// The child is gone.
			}
		}, "drain-" + this.process.pid());
		drain.setDaemon(true);
		drain.start();
	}

	@Override
	public void close() throws InterruptedException, IOException {
		this.process.destroyForcibly().waitFor();
		TemporaryFolders.delete(this.tmpdir);
	}

}
