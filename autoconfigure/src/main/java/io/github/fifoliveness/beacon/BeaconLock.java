package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.github.fifoliveness.posix.FileStatus;
import io.github.fifoliveness.posix.FileType;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;

/**
 * An exclusive {@code flock} on {@code <fifo>.lock}, held for the beacon's life, so that
 * two instances started at the same moment cannot both hold one FIFO. The kernel drops
 * the lock when the holder dies, so it never goes stale. The file holds the holder's pid,
 * for the message the loser prints.
 */
final class BeaconLock {

	private static final int ATTEMPTS = 5;

	private final Path path;

	private final OpenFile file;

	private final boolean created;

	private BeaconLock(Path path, OpenFile file, boolean created) {
		this.path = path;
		this.file = file;
		this.created = created;
	}

	static Path pathFor(Path fifo) {
		return fifo.resolveSibling(fifo.getFileName() + ".lock");
	}

	static BeaconLock acquire(Path fifo, NativePosix posix) {
		Path path = pathFor(fifo);
		// Retry when the file we locked was removed by an instance shutting down meanwhile.
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			BeaconLock lock = tryAcquire(fifo, path, posix);
			if (lock != null) {
				return lock;
			}
		}
		throw new BeaconException(fifo, "its lock file '" + path + "' was replaced " + ATTEMPTS + " times while locking it",
				"Check what else writes to this folder.", null);
	}

	private static BeaconLock tryAcquire(Path fifo, Path path, NativePosix posix) {
		Opened opened = open(fifo, path, posix);
		OpenFile file = opened.file();
		try {
			refuseForeign(fifo, path, Optional.of(file.status()), posix);
			if (!file.tryLockExclusive()) {
				String pid = file.readContent(32).strip();
				throw new BeaconException(fifo, "another instance holds it" + (pid.isEmpty() ? "" : " (pid " + pid + ")"),
						"Stop the other instance, give this one its own 'fifo-liveness.beacon.path', or set"
								+ " 'fifo-liveness.beacon.single-instance=false' if several instances may hold one FIFO.",
						null);
			}
			if (!file.isStillAt(path)) {
				file.close();
				return null;
			}
			file.replaceContent(posix.processId() + "\n");
			return new BeaconLock(path, file, opened.created());
		}
		catch (PosixException ex) {
			file.close();
			throw new BeaconException(fifo, "its lock file '" + path + "' cannot be locked (" + ex.getMessage() + ")",
					"Choose a path on a local filesystem that supports flock.", ex);
		}
		catch (RuntimeException ex) {
			file.close();
			throw ex;
		}
	}

	private static Opened open(Path fifo, Path path, NativePosix posix) {
		try {
			try {
				return new Opened(posix.createFile(path, 0600), true);
			}
			catch (PosixException ex) {
				if (!"EEXIST".equals(ex.getErrorName())) {
					throw ex;
				}
			}
			refuseForeign(fifo, path, posix.statusOf(path), posix);
			return new Opened(posix.openFile(path), false);
		}
		catch (PosixException ex) {
			throw new BeaconException(fifo, "its lock file '" + path + "' cannot be opened (" + ex.getMessage() + ")",
					"Remove what is at '" + path + "' if it is not a file of this application.", ex);
		}
	}

	private static void refuseForeign(Path fifo, Path path, Optional<FileStatus> status, NativePosix posix) {
		if (status.isEmpty()) {
			return;
		}
		if (status.get().type() != FileType.REGULAR_FILE) {
			throw new BeaconException(fifo, "its lock file '" + path + "' is " + status.get().type().description(),
					"Move it away: fifo-liveness never replaces a file it did not create.", null);
		}
		if (status.get().ownerUid() != posix.effectiveUid()) {
			throw new BeaconException(fifo, "its lock file '" + path + "' belongs to another user (uid "
					+ status.get().ownerUid() + ")", "Choose a path in a folder only this user can write to.", null);
		}
	}

	/**
	 * Remove the lock file if this lock created it and it is still the same file, then
	 * release the lock.
	 */
	void release() {
		try {
			if (this.created && this.file.isStillAt(this.path)) {
				Files.deleteIfExists(this.path);
			}
		}
		catch (IOException ex) {
			// Leaving the lock file behind is harmless: the next instance locks it again.
		}
		finally {
			this.file.close();
		}
	}

	private record Opened(OpenFile file, boolean created) {
	}

}
