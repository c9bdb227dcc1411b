package io.github.fifoliveness.peer;

/**
 * Told of every change in a peer folder, on the thread that follows the folders: return
 * quickly.
 */
@FunctionalInterface
public interface PeerFolderListener {

	/** Called once per change. */
	void peerFolderChanged(PeerFolderChange change);

}
