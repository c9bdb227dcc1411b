package io.github.fifoliveness.peer;

/**
 * Told of every change in a peer folder: a member joining, leaving, going down or coming
 * back, and the folder losing or regaining its quorum. Called on the thread that follows
 * the folders: return quickly.
 */
@FunctionalInterface
public interface PeerFolderListener {

	/**
	 * Called once per change.
	 * @param change the change
	 */
	void peerFolderChanged(PeerFolderChange change);

}
