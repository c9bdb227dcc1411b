package io.github.fifoliveness.peer;

/**
 * Told of every change of a peer's status or down reason by a {@link PeerWatcher}, on the
 * thread that noticed it: return quickly, since the other peers wait meanwhile. In a
 * Spring application each change is also published as a {@code PeerStatusChangedEvent}.
 */
@FunctionalInterface
public interface PeerStatusListener {

	/** Called once per change. */
	void peerStatusChanged(PeerStatusChange change);

}
