package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.DownReason;
import io.github.fifoliveness.peer.PeerStatus;
import io.github.fifoliveness.peer.PeerStatusChange;
import io.github.fifoliveness.peer.ProbeResult;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a peer's status or down reason changes, once per change: on the first
 * poll (from {@link PeerStatus#UNKNOWN}), when it goes down, when the reason it is down
 * changes, and when it recovers. The Spring form of the core's {@link PeerStatusChange}.
 */
public class PeerStatusChangedEvent extends ApplicationEvent {

	private final transient PeerStatusChange change;

	/**
	 * Create an event.
	 * @param source the poller
	 * @param peer the peer's name
	 * @param previousStatus the status before
	 * @param result the probe result that changed it
	 */
	public PeerStatusChangedEvent(Object source, String peer, PeerStatus previousStatus, ProbeResult result) {
		this(source, new PeerStatusChange(peer, previousStatus, result));
	}

	/**
	 * Create an event of a change the core told.
	 * @param source the watcher or poller
	 * @param change the change
	 */
	public PeerStatusChangedEvent(Object source, PeerStatusChange change) {
		super(source);
		this.change = change;
	}

	/**
	 * Return the peer's name, as configured under {@code fifo-liveness.peers}.
	 * @return the name
	 */
	public String getPeer() {
		return this.change.getPeer();
	}

	/**
	 * Return the status before this change.
	 * @return the previous status
	 */
	public PeerStatus getPreviousStatus() {
		return this.change.getPreviousStatus();
	}

	/**
	 * Return the status now.
	 * @return the status
	 */
	public PeerStatus getStatus() {
		return this.change.getStatus();
	}

	/**
	 * Return why the peer is down, {@code null} when it is up.
	 * @return the reason
	 */
	public @Nullable DownReason getReason() {
		return this.change.getReason();
	}

	/**
	 * Return the full probe result, with the message.
	 * @return the result
	 */
	public ProbeResult getResult() {
		return this.change.getResult();
	}

	/**
	 * Return the change as the core told it.
	 * @return the change
	 */
	public PeerStatusChange getChange() {
		return this.change;
	}

	@Override
	public String toString() {
		return this.change.toString();
	}

}
