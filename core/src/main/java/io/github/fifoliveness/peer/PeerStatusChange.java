package io.github.fifoliveness.peer;

import org.jspecify.annotations.Nullable;

/**
 * A change of a peer's status or down reason, told once: on the first probe (from
 * {@link PeerStatus#UNKNOWN}), when it goes down, when the reason it is down changes, and
 * when it recovers.
 */
public final class PeerStatusChange {

	private final String peer;

	private final PeerStatus previousStatus;

	private final ProbeResult result;

	/** Create a change. */
	public PeerStatusChange(String peer, PeerStatus previousStatus, ProbeResult result) {
		this.peer = peer;
		this.previousStatus = previousStatus;
		this.result = result;
	}

	/** Return the peer's name. */
	public String getPeer() {
		return this.peer;
	}

	/** Return the status before this change. */
	public PeerStatus getPreviousStatus() {
		return this.previousStatus;
	}

	/** Return the status now. */
	public PeerStatus getStatus() {
		return PeerStatus.of(this.result);
	}

	/** Return why the peer is down, {@code null} when it is up. */
	public @Nullable DownReason getReason() {
		return this.result.reason();
	}

	/** Return the full probe result, with the message. */
	public ProbeResult getResult() {
		return this.result;
	}

	@Override
	public String toString() {
		return "Peer '" + this.peer + "' " + this.previousStatus + " -> " + getStatus()
				+ ((this.result.reason() != null) ? " (" + this.result.reason() + ")" : "");
	}

}
