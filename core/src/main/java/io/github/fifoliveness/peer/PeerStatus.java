package io.github.fifoliveness.peer;

/** A peer's status as the poller last saw it. */
public enum PeerStatus {

	/** Not probed yet. */
	UNKNOWN,

	/** Alive. */
	UP,

	/** Not alive; the event carries the reason. */
	DOWN;

	/** Return the status a probe result shows. */
	public static PeerStatus of(ProbeResult result) {
		return result.alive() ? UP : DOWN;
	}

}
