package io.github.fifoliveness.beacon;

import java.nio.file.Path;

/**
 * Thrown when another instance holds the single-instance lock of a beacon's FIFO.
 */
class BeaconLockHeldException extends BeaconException {

	private final String holderPid;

	BeaconLockHeldException(Path fifo, String holderPid, String action) {
		super(fifo, "another instance holds it" + describe(holderPid), action, null);
		this.holderPid = holderPid;
	}

	// Such as " (pid 42)", or nothing when the pid is unknown.
	String holderDescription() {
		return describe(this.holderPid);
	}

	private static String describe(String pid) {
		return pid.isEmpty() ? "" : " (pid " + pid + ")";
	}

}
