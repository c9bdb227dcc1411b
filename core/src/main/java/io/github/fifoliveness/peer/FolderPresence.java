package io.github.fifoliveness.peer;

import java.io.IOException;

import org.slf4j.Logger;

/**
 * Whether a peer folder is there as its rescans find it, and the lines that say so when
 * that changes: gone, unreadable, back, or not listed for want of a descriptor. Confined
 * to the loop's thread.
 */
final class FolderPresence {

	private final PeerFolder folder;

	private final Logger logger;

	private boolean present;

	// Told gone, or unreadable, until it is back.
	private boolean away;

	// The last rescan could not list the folder, for want of a descriptor or memory.
	private boolean unlisted;

	FolderPresence(PeerFolder folder, Logger logger) {
		this.folder = folder;
		this.logger = logger;
	}

	boolean isPresent() {
		return this.present;
	}

	boolean isUnlisted() {
		return this.unlisted;
	}

	void listed() {
		if (this.unlisted) {
			this.unlisted = false;
			this.logger
				.info("Peer folder '" + this.folder.name() + "' at '" + this.folder.path() + "' can be listed again");
		}
	}

	void found() {
		if (this.away) {
			this.away = false;
			this.logger.info("Peer folder '" + this.folder.name() + "' at '" + this.folder.path()
					+ "' is back: its members are looked at again");
		}
		this.present = true;
	}

	// Listing failed although the folder may be read (out of descriptors most often):
	// it is there all the same, and its members' held write ends still tell their deaths.
	void notListed(IOException ex) {
		if (!this.unlisted) {
			this.unlisted = true;
			this.logger.warn("Peer folder '" + this.folder.name() + "' at '" + this.folder.path()
					+ "' could not be listed (" + ex.getMessage() + "): its members stay as last seen, and it is"
					+ " listed again at each poll or rescan until it can be. 'Too many open files' asks for a"
					+ " higher limit ('ulimit -n', or LimitNOFILE= in a systemd unit).");
		}
	}

	/** The folder is gone, or this user may not read it: returns why its members left. */
	String gone(boolean unreadable) {
		if (this.present) {
			this.away = true;
			this.logger.warn("Peer folder '" + this.folder.name() + "' at '" + this.folder.path() + "' "
					+ (unreadable
							? "cannot be read: its members count as stopped until the monitor's user may read it again"
							: "is gone: its members count as stopped until it is back"));
		}
		this.present = false;
		return unreadable ? "its folder cannot be read" : "its folder is gone";
	}

}
