package io.github.fifoliveness.pidfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import io.github.fifoliveness.posix.FileStatus;
import io.github.fifoliveness.posix.FileType;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.SmallFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Writes the application's PID file as PID file readers expect, renamed into place so
 * that no reader sees a partial file; a graceful shutdown removes it only if it still
 * holds this process's PID.
 */
public class ApplicationPidFile {

	private static final Logger logger = LoggerFactory.getLogger(ApplicationPidFile.class);

	private final Path path;

	private final String property;

	private final NativePosix posix;

	private @Nullable String written;

	/**
	 * Create a writer of the PID file at the given absolute path.
	 * @param property the property that set the path, for messages
	 */
	public ApplicationPidFile(Path path, String property, NativePosix posix) {
		this.path = path;
		this.property = property;
		this.posix = posix;
	}

	/** Return the path of the PID file. */
	public Path getPath() {
		return this.path;
	}

	/**
	 * Write the PID file, unless written already; a file not ours at the path is refused.
	 * @throws ApplicationPidFileException if it cannot be written
	 */
	public synchronized void start() {
		if (this.written != null) {
			return;
		}
		refuseForeign();
		String content = this.posix.processId() + "\n";
		try {
			Files.createDirectories(this.path.getParent(),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Path temporary = Files.createTempFile(this.path.getParent(), "." + this.path.getFileName(), ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try {
				Files.writeString(temporary, content, StandardCharsets.US_ASCII);
				Files.move(temporary, this.path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw failure("it cannot be written (" + ex + ")", ex);
		}
		this.written = content;
		logger.info("Wrote PID file '" + this.path + "' (pid " + content.strip() + ")");
	}

	/** Remove the PID file if it still holds this process's PID. */
	public synchronized void stop() {
		if (this.written == null) {
			return;
		}
		try {
			SmallFile now = this.posix.readSmallFile(this.path, this.written.length() + 1);
			if (now.content() != null && new String(now.content(), StandardCharsets.US_ASCII).equals(this.written)) {
				Files.delete(this.path);
			}
			else {
				logger.info("PID file '" + this.path + "' no longer holds this process's PID"
						+ ((now.content() == null) ? " (" + now.status().type().description() + " is there)" : "")
						+ "; leaving it");
			}
		}
		catch (PosixException ex) {
			if (!ex.isMissing()) {
				logger.warn("Could not remove PID file '" + this.path + "': " + ex.getMessage());
			}
		}
		catch (NoSuchFileException ex) {
			// Removed since it was read: nothing to remove.
		}
		catch (IOException ex) {
			logger.warn("Could not remove PID file '" + this.path + "': " + ex.getMessage());
		}
		this.written = null;
	}

	/** Whether this process wrote the PID file and has not removed it. */
	public synchronized boolean isRunning() {
		return this.written != null;
	}

	private void refuseForeign() {
		Optional<FileStatus> existing;
		try {
			existing = this.posix.statusOf(this.path);
		}
		catch (PosixException ex) {
			throw failure("the path cannot be examined (" + ex.getMessage() + ")", ex);
		}
		if (existing.isPresent() && existing.get().type() != FileType.REGULAR_FILE) {
			throw failure(existing.get().type().description()
					+ " is there; fifo-liveness never replaces a file it did not create", null);
		}
		if (existing.isPresent() && existing.get().ownerUid() != this.posix.effectiveUid()) {
			throw failure("the file there belongs to another user (uid " + existing.get().ownerUid() + ")", null);
		}
	}

	private ApplicationPidFileException failure(String problem, @Nullable Throwable cause) {
		return new ApplicationPidFileException(this.path, this.property, problem, cause);
	}

}
