package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import io.github.fifoliveness.posix.FileStatus;
import io.github.fifoliveness.posix.FileType;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Holds the read end of the application's liveness FIFO for as long as the application
 * runs. Peers that open the write end succeed while it is held; the kernel drops it when
 * the process dies, however it dies, so nothing stale is left to clean up.
 * <p>
 * Starts in the last lifecycle phase (the application is up) and stops in the first (peers
 * see it going down as soon as shutdown begins).
 */
public class LivenessBeacon implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(LivenessBeacon.class);

	private static final int FIFO_PERMISSIONS = 0600;

	private final Path path;

	private final NativePosix posix;

	private OpenFile readEnd;

	private boolean createdFifo;

	/**
	 * Create a beacon for the given FIFO path.
	 * @param path the absolute path of the FIFO
	 * @param posix the native calls
	 */
	public LivenessBeacon(Path path, NativePosix posix) {
		this.path = path;
		this.posix = posix;
	}

	/**
	 * Return the path of the FIFO.
	 * @return the path
	 */
	public Path getPath() {
		return this.path;
	}

	/**
	 * Whether the beacon holds the read end of its FIFO now.
	 * @return {@code true} while peers see this application alive
	 */
	public synchronized boolean isHeld() {
		return this.readEnd != null && !this.readEnd.isClosed();
	}

	@Override
	public synchronized void start() {
		if (isHeld()) {
			return;
		}
		createParentFolders();
		refuseAnythingButAFifo();
		this.createdFifo = createFifo();
		this.readEnd = openReadEnd();
		logger.info("Liveness beacon holds FIFO '" + this.path + "'" + (this.createdFifo ? "" : " (reused)")
				+ "; peers that probe this path see the application alive until it stops or dies");
	}

	@Override
	public synchronized void stop() {
		if (this.readEnd == null) {
			return;
		}
		FileStatus held = this.readEnd.status();
		this.readEnd.close();
		this.readEnd = null;
		if (this.createdFifo) {
			removeIfStillOurs(held);
		}
		logger.info("Liveness beacon released FIFO '" + this.path + "'; peers now see the application down");
	}

	@Override
	public synchronized boolean isRunning() {
		return isHeld();
	}

	@Override
	public int getPhase() {
		return DEFAULT_PHASE;
	}

	private void createParentFolders() {
		Path parent = this.path.getParent();
		if (parent == null || Files.isDirectory(parent)) {
			return;
		}
		try {
			Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (IOException ex) {
			throw new BeaconException(this.path, "its folder cannot be created (" + ex + ")",
					"Create the folder '" + parent + "' with mode 0700, or choose a path in a folder this user can write to.",
					ex);
		}
	}

	private void refuseAnythingButAFifo() {
		Optional<FileStatus> existing = statusOfPath();
		if (existing.isPresent() && existing.get().type() != FileType.FIFO) {
			throw new BeaconException(this.path, existing.get().type().description() + " is there",
					"fifo-liveness never replaces a file it did not create: move that file away, or choose another path.",
					null);
		}
	}

	private boolean createFifo() {
		try {
			return this.posix.createFifo(this.path, FIFO_PERMISSIONS);
		}
		catch (PosixException ex) {
			throw new BeaconException(this.path, "the FIFO cannot be created (" + ex.getMessage() + ")",
					"Choose a path on a local filesystem in a folder this user can write to.", ex);
		}
	}

	private OpenFile openReadEnd() {
		OpenFile file;
		try {
			file = this.posix.openReadEnd(this.path);
		}
		catch (PosixException ex) {
			throw new BeaconException(this.path, "the FIFO cannot be opened (" + ex.getMessage() + ")",
					"Check that the path names a FIFO this user owns.", ex);
		}
		if (file.status().type() != FileType.FIFO) {
			// Replaced between our checks and the open: hold nothing we did not ask for.
			file.close();
			throw new BeaconException(this.path, file.status().type().description() + " is there",
					"fifo-liveness never replaces a file it did not create: move that file away, or choose another path.",
					null);
		}
		return file;
	}

	private void removeIfStillOurs(FileStatus held) {
		try {
			Optional<FileStatus> now = statusOfPath();
			if (now.isPresent() && now.get().isSameFileAs(held)) {
				Files.deleteIfExists(this.path);
			}
		}
		catch (IOException | BeaconException ex) {
			logger.warn("Liveness beacon could not remove FIFO '" + this.path + "': " + ex.getMessage()
					+ "; peers see it as NO_READER until it is removed or reused");
		}
	}

	private Optional<FileStatus> statusOfPath() {
		try {
			return this.posix.statusOf(this.path);
		}
		catch (PosixException ex) {
			throw new BeaconException(this.path, "the path cannot be examined (" + ex.getMessage() + ")",
					"Check that every folder on the path is searchable by this user.", ex);
		}
	}

}
