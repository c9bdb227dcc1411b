package io.github.fifoliveness.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Many small processes in a session and process group of their own, started by one shell,
 * so that one {@code kill(-pgid, SIGKILL)} kills them all at once. Closing it kills
 * whatever is left. A group is only ever signalled once it is proven to be the shell's
 * own, never the test's.
 */
public final class ProcessGroup implements AutoCloseable {

	private static final String HOLD_READ_ENDS = "for fifo in \"$@\"; do sleep 600 3<>\"$fifo\" & done; echo started; wait";

	private final Process shell;

	private final long groupId;

	private ProcessGroup(Process shell) throws IOException {
		this.shell = shell;
		// The shell prints once it runs, so setsid(2) is done by then.
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(shell.getInputStream(), StandardCharsets.US_ASCII))) {
			String line = output.readLine();
			if (!"started".equals(line)) {
				shell.destroyForcibly();
				throw new IllegalStateException("The holders' shell said '" + line + "' instead of 'started'");
			}
		}
		long group = groupOf(shell.pid());
		if (group != shell.pid()) {
			shell.destroyForcibly();
			throw new IllegalStateException("setsid did not make " + shell.pid() + " a group leader: group " + group);
		}
		this.groupId = group;
	}

	/**
	 * Start one {@code sleep} per FIFO, each holding its FIFO's read end (opened
	 * read-write, which never blocks on Linux) until killed.
	 * @param fifos the FIFOs
	 * @return the group, once every process is started
	 */
	public static ProcessGroup holdingReadEnds(List<Path> fifos) {
		List<String> command = new ArrayList<>(List.of("setsid", "bash", "-c", HOLD_READ_ENDS, "holders"));
		fifos.forEach((fifo) -> command.add(fifo.toString()));
		try {
			// Standard output is closed once read: the group adds nothing to the test's
			// descriptors.
			return new ProcessGroup(
					new ProcessBuilder(command).redirectInput(new File("/dev/null")).redirectErrorStream(true).start());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + command.subList(0, 3), ex);
		}
	}

	/**
	 * Run a bash script in a group of its own, once it prints {@code started}.
	 * @param script the script, which prints {@code started} once it has started what it
	 * starts, then waits
	 * @param args its arguments ($1 on)
	 * @return the group
	 */
	public static ProcessGroup running(String script, String... args) {
		List<String> command = new ArrayList<>(List.of("setsid", "bash", "-c", script, "group"));
		command.addAll(List.of(args));
		try {
			return new ProcessGroup(
					new ProcessBuilder(command).redirectInput(new File("/dev/null")).redirectErrorStream(true).start());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + command.subList(0, 3), ex);
		}
	}

	/**
	 * Return how many live processes of the group run, the shell included.
	 * @return the count
	 */
	public long size() {
		return ProcessHandle.allProcesses().filter((process) -> isLiveMember(process.pid())).count();
	}

	/**
	 * Kill every process of the group with one signal, and wait for the shell.
	 */
	public void killAll() {
		Fifos.run("kill", "-KILL", "--", "-" + this.groupId);
		try {
			this.shell.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean isLiveMember(long pid) {
		try {
			String[] fields = statFields(pid);
			return !fields[0].equals("Z") && Long.parseLong(fields[2]) == this.groupId;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static long groupOf(long pid) throws IOException {
		return Long.parseLong(statFields(pid)[2]);
	}

	// state ppid pgrp …: what follows the command name, which may hold spaces and ')'.
	private static String[] statFields(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
		return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
	}

	@Override
	public void close() {
		if (size() > 0) {
			killAll();
		}
	}

}
