package io.github.fifoliveness.beacon;

import java.nio.file.Path;

/**
 * Where a beacon keeps its lock file, for tests outside this package (the Spring
 * module's, through the core's test jar).
 */
public final class BeaconLockFiles {

	private BeaconLockFiles() {
	}

	/**
	 * Return the lock file of the beacon holding the given FIFO.
	 * @param fifo the beacon's FIFO
	 * @return its lock file
	 */
	public static Path of(Path fifo) {
		return BeaconLock.pathFor(fifo);
	}

}
