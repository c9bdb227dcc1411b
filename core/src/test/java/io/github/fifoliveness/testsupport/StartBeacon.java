package io.github.fifoliveness.testsupport;

import java.nio.file.Path;

import io.github.fifoliveness.beacon.BeaconException;
import io.github.fifoliveness.beacon.DefaultBeaconPath;
import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.posix.NativePosix;

/**
 * Starts a beacon in a process of its own and stops it again, printing {@code held}, or
 * {@code problem: …} and {@code action: …} when it cannot start: for tests that need the
 * beacon in a place only a child process can reach, such as a private mount namespace or
 * another user. The argument is the FIFO's path, or {@code --default-path <tmpdir>} for
 * the default path of an application without a name, with that {@code java.io.tmpdir};
 * the path used is printed first, as {@code path: …}.
 */
public final class StartBeacon {

	private StartBeacon() {
	}

	public static void main(String[] args) {
		if (args[0].equals("--default-path")) {
			System.setProperty("java.io.tmpdir", args[1]);
		}
		Path path = args[0].equals("--default-path") ? DefaultBeaconPath.forApplication(null) : Path.of(args[0]);
		System.out.println("path: " + path);
		FifoBeacon beacon = new FifoBeacon(path, true, NativePosix.get());
		try {
			beacon.hold();
			System.out.println("held");
			beacon.release();
		}
		catch (BeaconException ex) {
			System.out.println("problem: " + ex.getProblem());
			System.out.println("action: " + ex.getAction());
		}
	}

}
