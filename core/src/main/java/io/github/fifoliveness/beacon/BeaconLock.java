package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.fifoliveness.posix.FileStatus;
import io.github.fifoliveness.posix.FileType;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.SmallFile;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive {@code flock} on {@code <fifo>.lock}, held for the beacon's life, so that
 * two instances started at once cannot both hold one FIFO; the kernel drops it when the
 * holder dies, so it never goes stale. A file there that is not exactly what the beacon
 * writes is someone else's and is left untouched.
 */
final class BeaconLock {

	static final String SUFFIX = ".lock";

	private static final int ATTEMPTS = 5;

	private static final int PERMISSIONS = 0600;

	// Its pid, for the loser's message; empty after a crash between create and write.
	private static final Pattern CONTENT = Pattern.compile("([0-9]{1,10}\n)?");

	private static final int MAX_BYTES = 32;

	private final Path path;

	private final OpenFile file;

	private final boolean created;

	// Also for a crashed run's lock file: it goes with this run, as its FIFO does.
	private final boolean removable;

	private BeaconLock(Path path, OpenFile file, boolean created, boolean removable) {
		this.path = path;
		this.file = file;
		this.created = created;
		this.removable = removable;
	}

	boolean isCreated() {
		return this.created;
	}

	static Path pathFor(Path fifo) {
		return fifo.resolveSibling(fifo.getFileName() + SUFFIX);
	}

	static BeaconLock acquire(Path fifo, NativePosix posix) {
		Path path = pathFor(fifo);
		// An instance shutting down may remove the file meanwhile.
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			BeaconLock lock = tryAcquire(fifo, path, posix);
			if (lock != null) {
				return lock;
			}
		}
		throw new BeaconException(fifo,
				"its lock file '" + path + "' was replaced " + ATTEMPTS + " times while locking it",
				"Check what else writes to this folder.", null);
	}

	private static @Nullable BeaconLock tryAcquire(Path fifo, Path path, NativePosix posix) {
		Opened opened = open(fifo, path, posix);
		if (opened == null) {
			return null;
		}
		OpenFile file = opened.file();
		try {
			if (!file.tryLockExclusive()) {
				throw new BeaconLockHeldException(fifo, file.readContent(MAX_BYTES).strip(),
						"Stop the other instance, or give this one a FIFO of its own."
								+ " 'fifo-liveness.beacon.single-instance=false' lets several instances share a liveness"
								+ " FIFO, never a readiness one.");
			}
			if (!file.isStillAt(path)) {
				file.close();
				return null;
			}
			file.replaceContent(posix.processId() + "\n");
			return new BeaconLock(path, file, opened.created(), true);
		}
		catch (PosixException ex) {
			// Never leave an empty lock file behind, say when the disk is full.
			new BeaconLock(path, file, opened.created(), opened.created()).release();
			throw new BeaconException(fifo, "its lock file '" + path + "' cannot be locked (" + ex.getMessage() + ")",
					FullFilesystem.causedBy(ex) ? FullFilesystem.action(fifo)
							: "Choose a path on a local filesystem that supports flock.",
					ex);
		}
		catch (RuntimeException ex) {
			file.close();
			throw ex;
		}
	}

	// Null when the file changed while it was opened: the caller tries again.
	private static @Nullable Opened open(Path fifo, Path path, NativePosix posix) {
		try {
			try {
				return new Opened(posix.createFile(path, PERMISSIONS), true);
			}
			catch (PosixException ex) {
				if (ex.isAccessDenied() || "EROFS".equals(ex.getErrorName())) {
					throw new BeaconException(fifo,
							"its lock file '" + path + "' cannot be created (" + ex.getMessage() + ")",
							"Let this user create files in '" + path.getParent()
									+ "' (the folder is not writable for it, or its filesystem is read-only),"
									+ " or choose a path in a folder it may write.",
							ex);
				}
				if (!ex.isAlreadyExisting()) {
					throw cannotOpen(fifo, path, ex);
				}
			}
			Optional<FileStatus> link = posix.statusOf(path);
			if (link.isPresent() && link.get().type() == FileType.SYMBOLIC_LINK) {
				throw foreign(fifo, path, "is a symbolic link");
			}
			SmallFile existing = posix.readSmallFile(path, MAX_BYTES);
			refuseForeign(fifo, path, existing, posix);
			OpenFile file = posix.openFile(path);
			if (!file.status().isSameFileAs(existing.status())) {
				file.close();
				return null;
			}
			return new Opened(file, false);
		}
		catch (PosixException ex) {
			if (ex.isMissing()) {
				return null;
			}
			throw cannotOpen(fifo, path, ex);
		}
	}

	private static BeaconException cannotOpen(Path fifo, Path path, PosixException ex) {
		return new BeaconException(fifo, "its lock file '" + path + "' cannot be opened (" + ex.getMessage() + ")",
				FullFilesystem.causedBy(ex) ? FullFilesystem.action(fifo)
						: "Remove what is at '" + path + "' if it is not a file of this application.",
				ex);
	}

	private static void refuseForeign(Path fifo, Path path, SmallFile existing, NativePosix posix) {
		FileStatus status = existing.status();
		if (status.type() != FileType.REGULAR_FILE) {
			throw foreign(fifo, path, "is " + status.type().description());
		}
		if (status.ownerUid() != posix.effectiveUid()) {
			throw new BeaconException(fifo,
					"its lock file '" + path + "' belongs to another user (uid " + status.ownerUid() + ")",
					"Choose a path in a folder only this user can write to.", null);
		}
		if (status.permissions() != PERMISSIONS) {
			throw foreign(fifo, path, "has mode " + String.format("%04o", status.permissions())
					+ ", not the 0600 the beacon gives its lock files, so the beacon did not create it");
		}
		if (!CONTENT.matcher(new String(existing.content(), StandardCharsets.US_ASCII)).matches()) {
			throw foreign(fifo, path, "holds something other than the process id the beacon writes there,"
					+ " so the beacon did not create it");
		}
	}

	private static BeaconException foreign(Path fifo, Path path, String problem) {
		return new BeaconException(fifo, "its lock file '" + path + "' " + problem,
				"Move it away: fifo-liveness never replaces a file it did not create.", null);
	}

	// A cleaner may remove the file, and a second instance would then lock a new one.
	boolean isInPlace() {
		try {
			return this.file.isStillAt(this.path);
		}
		catch (PosixException ex) {
			return false;
		}
	}

	void release() {
		try {
			if (this.removable && this.file.isStillAt(this.path)) {
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
