package io.github.fifoliveness.testsupport;

import java.io.IOException;
import java.nio.file.Path;

import io.github.fifoliveness.posix.NativePosix;

/**
 * Creates FIFOs for tests with the system's own {@code mkfifo}, independent of the code
 * under test.
 */
public final class Fifos {

	private Fifos() {
	}

	public static Path create(Path path) {
		run("mkfifo", "-m", "600", path.toString());
		return path;
	}

	public static void run(String... command) {
		try {
			Process process = new ProcessBuilder(command).inheritIO().start();
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static boolean isRoot() {
		return NativePosix.get().effectiveUid() == 0;
	}

}
