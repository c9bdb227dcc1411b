package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.WriteEndResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * What a beacon leaves on a graceful stop. Holding the single-instance lock, it removes
 * the FIFO before closing it, so that a watching monitor sees a stop (gone) rather than a
 * death (no reader).
 */
final class BeaconRelease {

	private static final Logger logger = LoggerFactory.getLogger(BeaconRelease.class);

	private BeaconRelease() {
	}

	static void release(@Nullable BeaconFifo held, Path path, boolean exclusive, NativePosix posix) {
		if (held == null) {
			return;
		}
		if (held.removable() && exclusive) {
			remove(held, path);
			held.readEnd().close();
			return;
		}
		held.readEnd().close();
		// Another instance may still hold it: removing it would show that one down.
		if (held.removable()
				&& !(posix.openWriteEndAndClose(path, NativePosix.ANY_OWNER) instanceof WriteEndResult.ReaderPresent)) {
			remove(held, path);
		}
	}

	private static void remove(BeaconFifo held, Path path) {
		try {
			if (held.readEnd().isStillAt(path)) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			logger.warn("Liveness beacon could not remove FIFO '" + path + "': " + ex.getMessage()
					+ "; peers see NO_READER until it is removed or reused");
		}
	}

}
