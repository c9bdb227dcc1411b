package io.github.fifoliveness.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.posix.NativePosix;
import jnr.posix.POSIXFactory;

/**
 * Holds a beacon in a process of its own until killed, for tests that need the holder to
 * be another process. Prints {@code held} once the FIFO is held. With
 * {@code spawn-child}, first starts {@code sleep} through {@code posix_spawnp}, which,
 * unlike Java's process launcher, lets the child inherit every descriptor that lacks
 * {@code O_CLOEXEC}, and prints {@code child <pid>}.
 */
public final class HoldBeacon {

	private HoldBeacon() {
	}

	public static void main(String[] args) throws InterruptedException {
		LivenessBeacon beacon = new LivenessBeacon(new FifoBeacon(Path.of(args[0]), true, NativePosix.get()),
				Duration.ZERO, true);
		beacon.start();
		if (args.length > 1 && args[1].equals("spawn-child")) {
			String path = System.getenv("PATH");
			long pid = POSIXFactory.getNativePOSIX()
				.posix_spawnp("sleep", List.of(), List.of("sleep", "600"), List.of("PATH=" + path));
			System.out.println("child " + pid);
		}
		System.out.println("held");
		System.out.flush();
		Thread.sleep(Duration.ofMinutes(10).toMillis());
	}

}
