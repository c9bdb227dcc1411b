package io.github.fifoliveness.peer;

/**
 * Why a peer folder is reported down. The names are stable: they appear as the
 * {@code reason} detail of the health response and may be matched by scripts and alerts.
 */
public enum PeerFolderDownReason {

	/** Fewer members are up than the folder's {@code min-up}. */
	QUORUM_LOST,

	/** The folder does not exist, or is not a folder this process may read. */
	FOLDER_MISSING,

	/** The folder holds no member: no FIFO of the expected owner matches the pattern. */
	NO_MEMBERS

}
