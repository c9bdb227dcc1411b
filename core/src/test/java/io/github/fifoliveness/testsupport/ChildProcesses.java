package io.github.fifoliveness.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts real child processes for a test and kills every one of them with SIGKILL when
 * the test ends, whatever its outcome.
 */
public class ChildProcesses implements AfterEachCallback {

	private final List<Process> started = new ArrayList<>();

	/**
	 * Start a process that holds the read end of a FIFO until it is killed. The shell
	 * opens the FIFO read-write ({@code <>}), which never blocks on Linux.
	 * @param fifo the FIFO to hold
	 * @return the process
	 */
	public Process holdReadEnd(Path fifo) {
		return start("sh", "-c", "exec 3<>\"$0\"; exec sleep 600", fifo.toString());
	}

	/**
	 * Start a JVM running the given main class with this test's class path; its output
	 * can be read from {@link Process#getInputStream()}.
	 * @param prefix words put before {@code java}, such as {@code unshare -U}
	 * @param mainClass the class to run
	 * @param args its arguments
	 * @return the process
	 */
	public Process startJava(List<String> prefix, Class<?> mainClass, String... args) {
		return start(prefix, System.getProperty("java.class.path"), mainClass, args);
	}

	/**
	 * Start a JVM with the given options running the given main class with this test's
	 * class path; its output can be read from {@link Process#getInputStream()}.
	 * @param prefix words put before {@code java}, such as {@code unshare -U}
	 * @param jvmOptions options for {@code java}, such as {@code -Dname=value}
	 * @param mainClass the class to run
	 * @param args its arguments
	 * @return the process
	 */
	public Process startJava(List<String> prefix, List<String> jvmOptions, Class<?> mainClass, String... args) {
		return start(prefix, jvmOptions, System.getProperty("java.class.path"), mainClass, args);
	}

	/**
	 * Start a JVM as another user (root only), running the given main class with this
	 * test's class path. The jars it needs are copied into a folder that user can read.
	 * @param uid the user (and group) id to run as
	 * @param scratch a folder for the copied jars, whose parents that user can search
	 * @param mainClass the class to run
	 * @param args its arguments
	 * @return the process
	 */
	public Process startJavaAs(int uid, Path scratch, Class<?> mainClass, String... args) {
		// This user's runtime folder is not the other user's.
		List<String> setpriv = List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "env", "-u",
				"XDG_RUNTIME_DIR");
		return start(setpriv, readableClassPath(scratch), mainClass, args);
	}

	// This module's classes and the jars of the core (and its tests), jnr, logging, the
	// beacon's and the watcher's, copied out of a home folder others cannot read.
	private static String readableClassPath(Path scratch) {
		try {
			Path jars = Files.createDirectories(scratch.resolve("classpath"));
			List<String> entries = new ArrayList<>();
			for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
				Path source = Path.of(entry);
				if (Files.isDirectory(source)) {
					entries.add(entry);
				}
				else if (source.getFileName()
					.toString()
					.matches(
							"(fifo-liveness-core|jnr|jffi|asm|jspecify|slf4j-(api|simple)|logback-(classic|core)|spring-(core|context|beans)|commons-logging).*\\.jar")) {
					entries
						.add(Files.copy(source, jars.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING)
							.toString());
				}
			}
			Fifos.run("chmod", "-R", "a+rX", scratch.toString());
			return String.join(File.pathSeparator, entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Start a JVM running the given main class with the given class path.
	 * @param prefix words put before {@code java}, such as {@code setpriv …}
	 * @param classPath the class path
	 * @param mainClass the class to run
	 * @param args its arguments
	 * @return the process
	 */
	public Process start(List<String> prefix, String classPath, Class<?> mainClass, String... args) {
		return start(prefix, List.of(), classPath, mainClass, args);
	}

	/**
	 * Start a JVM with the given options running the given main class with the given
	 * class path; its output can be read from {@link Process#getInputStream()}.
	 * @param prefix words put before {@code java}
	 * @param jvmOptions options for {@code java}, such as {@code -Dname=value}
	 * @param classPath the class path
	 * @param mainClass the class to run
	 * @param args its arguments
	 * @return the process
	 */
	public Process start(List<String> prefix, List<String> jvmOptions, String classPath, Class<?> mainClass,
			String... args) {
		List<String> command = new ArrayList<>(prefix);
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// As an application with the starter should run, unless a test sets native access
		// itself.
		if (jvmOptions.stream().noneMatch((option) -> option.contains("-native-access="))) {
			command.add("--enable-native-access=ALL-UNNAMED");
		}
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classPath);
		command.add(mainClass.getName());
		command.addAll(List.of(args));
		return launch(new ProcessBuilder(command).redirectErrorStream(true));
	}

	/**
	 * Start a process whose output is discarded.
	 * @param command the command
	 * @return the process
	 */
	public Process start(String... command) {
		return launch(
				new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
	}

	/**
	 * Start a process whose output can be read from {@link Process#getInputStream()}.
	 * @param command the command
	 * @return the process
	 */
	public Process startPiped(String... command) {
		return launch(new ProcessBuilder(command).redirectErrorStream(true));
	}

	/**
	 * Start a process whose output goes to a file.
	 * @param output the file for standard output and error
	 * @param command the command
	 * @return the process
	 */
	public Process startLogging(File output, List<String> command) {
		return launch(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output));
	}

	private Process launch(ProcessBuilder builder) {
		try {
			Process process = builder.start();
			this.started.add(process);
			return process;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + builder.command(), ex);
		}
	}

	/**
	 * Kill a process with SIGKILL and wait until the kernel has reaped it, so its
	 * descriptors are closed when this returns.
	 * @param process the process
	 */
	public static void kill(Process process) {
		process.destroyForcibly();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Process " + process.pid() + " survived SIGKILL for 30s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Read lines of a process's output until one starts with the given prefix. Call it
	 * once per process: lines read ahead are not kept for a second call.
	 * @param process the process
	 * @param prefix the start of the line
	 * @return the rest of that line
	 */
	public static String awaitLine(Process process, String prefix) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (line.startsWith(prefix)) {
				return line.substring(prefix.length()).strip();
			}
		}
		throw new IllegalStateException("Process " + process.pid() + " ended before printing '" + prefix + "'");
	}

	/**
	 * Kill a process that is not a child of this one (such as a grandchild).
	 * @param pid its pid
	 */
	public static void kill(long pid) {
		ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.started.forEach(ChildProcesses::kill);
		this.started.clear();
	}

}
