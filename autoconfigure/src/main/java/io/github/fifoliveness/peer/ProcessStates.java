package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's state where {@code /proc} exists. {@code kill(pid, 0)} succeeds for a
 * zombie (exited, not reaped), so only its state ({@code Z} in {@code /proc/<pid>/stat})
 * tells that it is dead.
 */
final class ProcessStates {

	private ProcessStates() {
	}

	/**
	 * Whether the process has exited and waits to be reaped. Where {@code /proc} is
	 * missing (macOS, the BSDs) no process is reported as a zombie.
	 * @param pid the process id
	 * @return {@code true} for a zombie
	 */
	static boolean isZombie(int pid) {
		String stat;
		try {
			stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			return false;
		}
		// The command name in parentheses may contain anything, ')' included: the state follows the last one.
		int end = stat.lastIndexOf(')');
		return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
	}

}
