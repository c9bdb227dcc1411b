package io.github.fifoliveness.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;

/**
 * Collects a child process's output lines as they come, on a thread of its own, so that a
 * test can await a line within a bound while the process keeps printing.
 */
public final class OutputLines {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	// Lines before this index were awaited already.
	private int next;

	private OutputLines(Process process) {
		Thread reader = new Thread(() -> read(process), "output of " + process.pid());
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start collecting a process's output.
	 * @param process the process
	 * @return its lines
	 */
	public static OutputLines of(Process process) {
		return new OutputLines(process);
	}

	private void read(Process process) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait for a line after the one awaited last.
	 * @param line the whole line
	 * @param atMost how long to wait
	 */
	public void awaitLine(String line, Duration atMost) {
		int from = this.next;
		Awaitility.await()
			.alias("'" + line + "' in " + this.lines)
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> indexOf(line, from) >= 0);
		this.next = indexOf(line, from) + 1;
	}

	// A copy first: a sublist of the live list fails once the reader adds a line.
	private int indexOf(String line, int from) {
		List<String> seen = List.copyOf(this.lines);
		int at = seen.subList(from, seen.size()).indexOf(line);
		return (at >= 0) ? from + at : -1;
	}

	/**
	 * Return the lines printed so far that contain a text.
	 * @param text the text
	 * @return the lines
	 */
	public List<String> containing(String text) {
		return this.lines.stream().filter((line) -> line.contains(text)).toList();
	}

	/**
	 * Return the lines printed so far that start with a prefix.
	 * @param prefix the prefix
	 * @return the lines
	 */
	public List<String> startingWith(String prefix) {
		return this.lines.stream().filter((line) -> line.startsWith(prefix)).toList();
	}

}
