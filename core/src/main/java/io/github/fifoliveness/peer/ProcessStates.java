package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

final class ProcessStates {

	private ProcessStates() {
	}

	// False where /proc is missing (macOS, the BSDs).
	static boolean isZombie(int pid) {
		String status;
		try {
			status = Files.readString(Path.of("/proc", Integer.toString(pid), "status"), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			return false;
		}
		// A leader whose main thread exited shows Z while its other threads run.
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
