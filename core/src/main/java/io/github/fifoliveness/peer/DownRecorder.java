package io.github.fifoliveness.peer;

/**
 * Receives every change of a peer from UP to DOWN, even one a grace period holds back.
 *
 * @see Peers#recordDownsWith(DownRecorder)
 */
@FunctionalInterface
public interface DownRecorder {

	/** Record one down of the named peer. */
	void record(String peer, DownReason reason);

}
