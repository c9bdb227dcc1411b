package io.github.fifoliveness.sample.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the commands that the repository's documentation shows, and finds its files.
 */
final class Commands {

	private Commands() {
	}

	/**
	 * A file or folder of this repository, such as {@code docs/prometheus}.
	 * @param relative its path from the repository's root
	 * @return its absolute path
	 */
	static Path repositoryFile(String relative) {
		return Path.of(System.getProperty("repository.root", "..")).resolve(relative).toAbsolutePath().normalize();
	}

	/**
	 * The start of a command that runs this test's JDK with its temporary files in a
	 * folder of the test's, so that Tomcat's folders of a killed application go with it.
	 * @param temporaryFiles the folder, which the test removes
	 * @return the {@code java} command and its {@code java.io.tmpdir}
	 */
	static List<String> java(Path temporaryFiles) {
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djava.io.tmpdir=" + temporaryFiles);
	}

	/**
	 * Whether a command is on the {@code PATH}.
	 * @param name the command
	 * @return whether {@code command -v} finds it
	 */
	static boolean installed(String name) {
		return run(Duration.ofSeconds(10), Map.of(), "sh", "-c", "command -v \"$0\"", name).status() == 0;
	}

	/**
	 * Run a command to its end, with standard output and error together.
	 * @param timeout how long it may take; it is killed and the test fails after that
	 * @param environment variables added to this process's environment
	 * @param command the command
	 * @return its exit status and output
	 */
	static Result run(Duration timeout, Map<String, String> environment, String... command) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			try {
				// Read while it runs, so a chatty command never blocks on a full pipe.
				CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
				boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
				assertThat(ended).as("%s ended within %s", List.of(command), timeout).isTrue();
				return new Result(process.exitValue(), output.join());
			}
			finally {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + List.of(command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String readAll(Process process) {
		try {
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Result(int status, String output) {
	}

}
