package io.github.fifoliveness.peer;

/**
 * A peer's status as the poller last saw it.
 */
public enum PeerStatus {

	/** Not probed yet. */
	UNKNOWN,

	/** Alive. */
	UP,

	/** Not alive; the event carries the reason. */
	DOWN

}
