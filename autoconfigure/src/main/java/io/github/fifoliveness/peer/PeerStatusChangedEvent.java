package io.github.fifoliveness.peer;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a peer's status or down reason changes, once per change: on the first
 * poll (from {@link PeerStatus#UNKNOWN}), when it goes down, when the reason it is down
 * changes, and when it recovers.
 */
public class PeerStatusChangedEvent extends ApplicationEvent {

	private final String peer;

	private final PeerStatus previousStatus;

	private final PeerStatus status;

	private final transient ProbeResult result;

	/**
	 * Create an event.
	 * @param source the poller
	 * @param peer the peer's name
	 * @param previousStatus the status before
	 * @param result the probe result that changed it
	 */
	public PeerStatusChangedEvent(Object source, String peer, PeerStatus previousStatus, ProbeResult result) {
		super(source);
		this.peer = peer;
		this.previousStatus = previousStatus;
		this.status = PeerStatus.of(result);
		this.result = result;
	}

	/**
	 * Return the peer's name, as configured under {@code fifo-liveness.peers}.
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
		return this.status;
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
		return "Peer '" + this.peer + "' " + this.previousStatus + " -> " + this.status
				+ ((this.result.reason() != null) ? " (" + this.result.reason() + ")" : "");
	}

}
