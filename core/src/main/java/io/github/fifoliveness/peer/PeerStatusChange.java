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

	/**
	 * Create a change.
	 * @param peer the peer's name
	 * @param previousStatus the status before
	 * @param result the probe result that changed it
	 */
	public PeerStatusChange(String peer, PeerStatus previousStatus, ProbeResult result) {
		this.peer = peer;
		this.previousStatus = previousStatus;
		this.result = result;
	}

	/**
	 * Return the peer's name.
	 * @return the name
	 */
	public String getPeer() {
		return this.peer;
	}

	/**
	 * Return the status before this change.
	 * @return the previous status
	 */
	public PeerStatus getPreviousStatus() {
		return this.previousStatus;
	}

	/**
	 * Return the status now.
	 * @return the status
	 */
	public PeerStatus getStatus() {
		return PeerStatus.of(this.result);
	}

	/**
	 * Return why the peer is down, {@code null} when it is up.
	 * @return the reason
	 */
	public @Nullable DownReason getReason() {
		return this.result.reason();
	}

	/**
	 * Return the full probe result, with the message.
	 * @return the result
	 */
	public ProbeResult getResult() {
		return this.result;
	}

	@Override
	public String toString() {
		return "Peer '" + this.peer + "' " + this.previousStatus + " -> " + getStatus()
				+ ((this.result.reason() != null) ? " (" + this.result.reason() + ")" : "");
	}

}
