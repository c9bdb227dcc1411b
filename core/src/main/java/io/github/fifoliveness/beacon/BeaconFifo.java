package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.github.fifoliveness.posix.FileStatus;
import io.github.fifoliveness.posix.FileType;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.WriteEndResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the beacon's FIFO if needed and opens its read end, refusing anything another
 * user could use to fake this application's liveness. It is removable if created, or
 * adopted from this user's crashed run (mode 0600, no reader, lock file beside it).
 */
record BeaconFifo(OpenFile readEnd, boolean created, boolean removable) {

	private static final Logger logger = LoggerFactory.getLogger(BeaconFifo.class);

	private static final int PERMISSIONS = 0600;

	private static final String NEVER_REPLACE = "fifo-liveness never replaces a file it did not create:"
			+ " move that file away, or choose another path.";

	static BeaconFifo hold(Path path, boolean crashLeftItsLock, NativePosix posix) {
		// Checked before opening: opening a device can have side effects.
		Optional<FileStatus> found = statusOf(path, posix);
		refuseForeign(path, found, posix);
		boolean adopted = crashLeftItsLock && found.isPresent() && found.get().permissions() == PERMISSIONS
				&& posix.openWriteEndAndClose(path, posix.effectiveUid()) instanceof WriteEndResult.NoReader;
		boolean created = create(path, posix);
		OpenFile readEnd = openReadEnd(path, posix);
		// The moment peers see the application alive, for those who time it.
		logger.debug("Opened the read end of FIFO '" + path + "'");
		try {
			refuseForeign(path, Optional.of(readEnd.status()), posix);
			return new BeaconFifo(readEnd, created, created || adopted);
		}
		catch (RuntimeException ex) {
			readEnd.close();
			throw ex;
		}
	}

	// Refuses anything but a FIFO of this user closed to others, without opening or
	// creating it.
	static void refuseAnythingElse(Path path, NativePosix posix) {
		refuseForeign(path, statusOf(path, posix), posix);
	}

	static Optional<FileStatus> statusOf(Path path, NativePosix posix) {
		try {
			return posix.statusOf(path);
		}
		catch (PosixException ex) {
			throw new BeaconException(path, "the path cannot be examined (" + ex.getMessage() + ")",
					"Check that every folder on the path is searchable by this user.", ex);
		}
	}

	private static void refuseForeign(Path path, Optional<FileStatus> status, NativePosix posix) {
		if (status.isEmpty()) {
			return;
		}
		if (status.get().type() != FileType.FIFO) {
			throw new BeaconException(path, status.get().type().description() + " is there", NEVER_REPLACE, null);
		}
		if (status.get().ownerUid() != posix.effectiveUid()) {
			throw new BeaconException(path,
					"the FIFO there belongs to another user (uid " + status.get().ownerUid()
							+ "), who could hold its read end and fake this application's liveness",
					"Have its owner or root remove it, or choose a path in a folder only this user can write to.",
					null);
		}
		// Tightening it would change a file fifo-liveness did not create, and not end a
		// reader that another user may already hold.
		if (status.get().isOpenToOthers()) {
			throw new BeaconException(path,
					"the FIFO there has mode " + String.format("%04o", status.get().permissions())
							+ ", so other users could hold its read end and fake this application's liveness",
					"Run chmod 600 '" + path + "' if it is this application's FIFO, or remove it so that the beacon"
							+ " creates its own: fifo-liveness never changes a file it did not create.",
					null);
		}
	}

	private static boolean create(Path path, NativePosix posix) {
		try {
			return posix.createFifo(path, PERMISSIONS);
		}
		catch (PosixException ex) {
			throw new BeaconException(path, "the FIFO cannot be created (" + ex.getMessage() + ")", FullFilesystem
				.causedBy(ex) ? FullFilesystem.action(path)
						: "Choose a path on a local filesystem that supports FIFOs, in a folder this user can write to.",
					ex);
		}
	}

	private static OpenFile openReadEnd(Path path, NativePosix posix) {
		try {
			return posix.openReadEnd(path);
		}
		catch (PosixException ex) {
			if (ex.isSymbolicLink()) {
				throw new BeaconException(path, "a symbolic link is there", NEVER_REPLACE, ex);
			}
			throw new BeaconException(path, "the FIFO cannot be opened (" + ex.getMessage() + ")",
					"Check that the path names a FIFO this user owns.", ex);
		}
	}

	// What is at the path now (lstat), compared with this FIFO.
	BeaconStatus statusAt(Path path, NativePosix posix, Duration watchInterval) {
		FileStatus held = this.readEnd.status();
		Optional<FileStatus> now;
		try {
			now = posix.statusOf(path);
		}
		catch (IOException ex) {
			return new BeaconStatus(BeaconDownReason.ERROR,
					"The FIFO's path cannot be examined: " + ex.getMessage() + ". Peers may not find the FIFO either.");
		}
		if (now.isPresent() && now.get().isSameFileAs(held)) {
			return BeaconStatus.HELD;
		}
		if (now.isEmpty()) {
			return new BeaconStatus(BeaconDownReason.MISSING,
					"The FIFO was removed while the application ran; peers see MISSING" + recreation(watchInterval,
							"until the beacon recreates it", "so it stays missing until the application restarts")
							+ ".");
		}
		if (now.get().type() != FileType.FIFO) {
			return new BeaconStatus(BeaconDownReason.NOT_A_FIFO, now.get().type().sentenceStart()
					+ " took the FIFO's place; fifo-liveness never replaces it: remove it"
					+ recreation(watchInterval, "and the beacon recreates the FIFO", "and restart the application")
					+ ". Peers see the application down (NOT_A_FIFO).");
		}
		if (now.get().ownerUid() != posix.effectiveUid()) {
			return new BeaconStatus(BeaconDownReason.NOT_OURS, "A FIFO of another user (uid " + now.get().ownerUid()
					+ ") took the FIFO's place; the beacon does not trust it: remove it"
					+ recreation(watchInterval, "and the beacon recreates the FIFO", "and restart the application")
					+ "."
					+ " Peers that check the owner see the application down (FOREIGN_OWNER); a monitor running as root"
					+ " without 'fifo-liveness.peers.<name>.owner' sees whoever holds that FIFO.");
		}
		return new BeaconStatus(BeaconDownReason.MISSING,
				"Another FIFO took the place of the one the beacon holds; peers see NO_READER" + recreation(
						watchInterval, "until the beacon holds the new one", "until the application restarts") + ".");
	}

	private static String recreation(Duration watchInterval, String watched, String unwatched) {
		boolean watching = !watchInterval.isZero();
		return watching ? " " + watched + " (every 'fifo-liveness.beacon.watch-interval')"
				: "; the watcher is off ('fifo-liveness.beacon.watch-interval=0'), " + unwatched;
	}

	// Holding the single-instance lock, it removes the FIFO before closing it, so that a
	// watching monitor sees a stop (gone) rather than a death (no reader).
	void release(Path path, boolean exclusive, NativePosix posix) {
		if (this.removable && exclusive) {
			remove(path);
			this.readEnd.close();
			return;
		}
		this.readEnd.close();
		// Another instance may still hold it: removing it would show that one down.
		if (this.removable
				&& !(posix.openWriteEndAndClose(path, NativePosix.ANY_OWNER) instanceof WriteEndResult.ReaderPresent)) {
			remove(path);
		}
	}

	private void remove(Path path) {
		try {
			if (this.readEnd.isStillAt(path)) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			logger.warn("Liveness beacon could not remove FIFO '" + path + "': " + ex.getMessage()
					+ "; peers see NO_READER until it is removed or reused");
		}
	}

}
