package io.github.fifoliveness.testsupport;

import java.nio.file.Path;
import java.time.Duration;

import io.github.fifoliveness.beacon.BeaconException;
import io.github.fifoliveness.beacon.LivenessBeacon;
import io.github.fifoliveness.posix.NativePosix;

/**
 * Starts a beacon in a process of its own and stops it again, printing {@code held}, or
 * {@code problem: …} and {@code action: …} when it cannot start: for tests that need the
 * beacon in a place only a child process can reach, such as a private mount namespace.
 */
public final class StartBeacon {

	private StartBeacon() {
	}

	public static void main(String[] args) {
		LivenessBeacon beacon = new LivenessBeacon(Path.of(args[0]), true, Duration.ZERO, NativePosix.get());
		try {
			beacon.start();
			System.out.println("held");
			beacon.stop();
		}
		catch (BeaconException ex) {
			System.out.println("problem: " + ex.getProblem());
			System.out.println("action: " + ex.getAction());
		}
	}

}
