package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.PeerFolderChange;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a peer folder changes: a member joins, leaves, goes down or comes back,
 * or the folder loses or regains its quorum. Under the same grace period and on the same
 * thread as {@link PeerStatusChangedEvent}: listeners should return quickly.
 */
public class PeerFolderChangedEvent extends ApplicationEvent {

	private final transient PeerFolderChange change;

	/**
	 * Create an event.
	 * @param source the watcher
	 * @param change the change
	 */
	public PeerFolderChangedEvent(Object source, PeerFolderChange change) {
		super(source);
		this.change = change;
	}

	/**
	 * Return the change.
	 * @return the change
	 */
	public PeerFolderChange getChange() {
		return this.change;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.change + "]";
	}

}
