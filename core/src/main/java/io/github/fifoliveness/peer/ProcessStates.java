package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's state where {@code /proc} exists. {@code kill(pid, 0)} succeeds for a
 * zombie (exited, not reaped), so only its state ({@code Z} in
 * {@code /proc/<pid>/status}, with no thread left) tells that it is dead.
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
		String status;
		try {
			status = Files.readString(Path.of("/proc", Integer.toString(pid), "status"), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			return false;
		}
		// A leader whose main thread exited shows Z too while its other threads run: only
		// a lone one is dead.
		return field(status, "State:").startsWith("Z") && field(status, "Threads:").equals("1");
	}

	private static String field(String status, String name) {
		for (String line : status.split("\n")) {
			if (line.startsWith(name)) {
				return line.substring(name.length()).strip();
			}
		}
		return "";
	}

}
