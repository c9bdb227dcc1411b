package io.github.fifoliveness.peer;

/**
 * Receives every change of a peer from UP to DOWN that the watcher or the poller sees,
 * whether or not its event is held back by a grace period.
 *
 * @see Peers#recordDownsWith(DownRecorder)
 */
@FunctionalInterface
public interface DownRecorder {

	/**
	 * Record one down.
	 * @param peer the peer's name
	 * @param reason why it is down
	 */
	void record(String peer, DownReason reason);

}
