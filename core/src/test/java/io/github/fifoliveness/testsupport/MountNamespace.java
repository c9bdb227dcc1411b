package io.github.fifoliveness.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A private mount namespace around a child JVM, for tests that mount and unmount under a
 * running watcher: the JVM is started under {@code unshare -m --propagation private}, and
 * commands enter its namespace with {@code nsenter -t <pid> -m}. The namespace, with
 * every mount in it, ends with the last process in it, and the host sees none of them.
 */
public final class MountNamespace {

	private final Process owner;

	private MountNamespace(Process owner) {
		this.owner = owner;
	}

	/**
	 * Skip the test unless this user is root and {@code unshare}, {@code nsenter} and
	 * {@code mount} exist and a private mount namespace can be made here.
	 */
	public static void assumeAvailable() {
		assumeTrue(Fifos.isRoot(), "mounting needs root");
		for (String command : List.of("unshare", "nsenter", "mount", "umount")) {
			assumeTrue(onPath(command), command + " is not installed");
		}
		assumeTrue(succeeds("unshare", "-m", "--propagation", "private", "true"),
				"no mount namespace can be made here (a container without CAP_SYS_ADMIN?)");
	}

	private static boolean onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch((folder) -> Files.isExecutable(Path.of(folder, command)));
	}

	private static boolean succeeds(String... command) {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor() == 0;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Start a JVM in a new private mount namespace ({@code unshare} execs it, so its pid
	 * names the namespace).
	 * @param children what kills it when the test ends
	 * @param mainClass the class to run
	 * @param args its arguments
	 * @return the namespace
	 */
	public static MountNamespace startJava(ChildProcesses children, Class<?> mainClass, String... args) {
		return new MountNamespace(
				children.startJava(List.of("unshare", "-m", "--propagation", "private"), mainClass, args));
	}

	/**
	 * Return the JVM that owns the namespace.
	 * @return the process, whose output is readable
	 */
	public Process process() {
		return this.owner;
	}

	/**
	 * Run a command in the namespace and wait until it succeeded.
	 * @param command the command, such as {@code mount -t tmpfs …}
	 */
	public void run(String... command) {
		Fifos.run(enter(command));
	}

	/**
	 * Start a process in the namespace that holds the read end of a FIFO, created there
	 * if missing, until it is killed, and wait until it holds it.
	 * @param children what kills it when the test ends
	 * @param fifo the FIFO's path, as the namespace sees it
	 * @return the process
	 */
	public Process holdReadEnd(ChildProcesses children, Path fifo) throws Exception {
		Process holder = children.startPiped(
				enter("sh", "-c", "[ -p \"$0\" ] || mkfifo -m 600 \"$0\"; exec 3<>\"$0\"; echo holding; exec sleep 600",
						fifo.toString()));
		ChildProcesses.awaitLine(holder, "holding");
		return holder;
	}

	private String[] enter(String... command) {
		List<String> entered = new ArrayList<>(List.of("nsenter", "-t", Long.toString(this.owner.pid()), "-m", "--"));
		entered.addAll(List.of(command));
		return entered.toArray(String[]::new);
	}

}
