package io.github.fifoliveness.testsupport;

import java.nio.file.Path;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.ProbeResult;
import io.github.fifoliveness.posix.NativePosix;

/**
 * Probes one path and prints the reason code (or ALIVE), for tests that must probe from
 * another process, such as one with fewer privileges.
 */
public final class ProbeOnce {

	private ProbeOnce() {
	}

	public static void main(String[] args) {
		ProbeResult result = new FifoPeerProbe(Path.of(args[0]), NativePosix.get()).probe();
		System.out.println(result.alive() ? "ALIVE" : result.reason().name());
	}

}
