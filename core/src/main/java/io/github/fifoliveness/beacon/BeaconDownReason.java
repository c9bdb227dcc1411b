package io.github.fifoliveness.beacon;

/**
 * Why the beacon does not hold its FIFO, as its health component reports it.
 */
public enum BeaconDownReason {

	/** The beacon has not started, or has stopped. */
	RELEASED,

	/** The application closed its FIFO on purpose, such as while BROKEN. */
	SUSPENDED,

	/**
	 * The FIFO was removed, or replaced by another FIFO of this user's, while running;
	 * the watcher recreates it.
	 */
	MISSING,

	/** Something other than a FIFO took the FIFO's place. */
	NOT_A_FIFO,

	/** A FIFO of another user took the FIFO's place. */
	NOT_OURS,

	/** Another instance took the lock while its file was gone: two hold the FIFO. */
	LOCK_LOST,

	/** The FIFO could not be recreated. */
	ERROR

}
