package io.github.fifoliveness.testsupport;

import java.nio.file.Path;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PidFilePeerProbe;
import io.github.fifoliveness.peer.ProbeResult;
import io.github.fifoliveness.posix.NativePosix;

/**
 * Probes one path ({@code <fifo>} or {@code --pid-file <file>}) and prints the reason
 * code (or ALIVE, and any note), for tests that must probe from another process, such as
 * one with fewer privileges.
 */
public final class ProbeOnce {

	private ProbeOnce() {
	}

	public static void main(String[] args) {
		boolean pidFile = args[0].equals("--pid-file");
		Path path = Path.of(args[args.length - 1]);
		ProbeResult result = pidFile ? new PidFilePeerProbe(path, NativePosix.get()).probe()
				: new FifoPeerProbe(path, NativePosix.get()).probe();
		System.out.println((result.alive() ? "ALIVE" : result.reason().name())
				+ ((result.note() != null) ? " " + result.note() : ""));
	}

}
