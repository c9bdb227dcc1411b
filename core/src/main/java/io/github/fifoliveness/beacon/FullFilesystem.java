package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

import io.github.fifoliveness.posix.PosixException;

/**
 * Recognises a failure caused by a full filesystem or quota, so that the user is told the
 * disk is full rather than sent after another cause.
 */
final class FullFilesystem {

	// java.nio.file reports the errno only as strerror's text.
	private static final String NO_SPACE = "No space left on device";

	private static final String QUOTA_EXCEEDED = "Disk quota exceeded";

	private FullFilesystem() {
	}

	static boolean causedBy(IOException ex) {
		if (ex instanceof PosixException posixException) {
			return posixException.isNoSpace();
		}
		return ex instanceof FileSystemException fileSystemException
				&& (NO_SPACE.equals(fileSystemException.getReason())
						|| QUOTA_EXCEEDED.equals(fileSystemException.getReason()));
	}

	static String action(Path fifo) {
		return "The disk is full: the filesystem that holds '" + fifo.getParent() + "' has no space or no inodes left"
				+ " (or this user's quota is used up). Free some space there, or choose a path on another filesystem.";
	}

}
