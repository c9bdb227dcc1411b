package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.github.fifoliveness.posix.FileStatus;
import io.github.fifoliveness.posix.FileType;
import io.github.fifoliveness.posix.NativePosix;

/**
 * What is at a beacon's path now ({@code lstat}), compared with the FIFO it holds.
 */
final class BeaconPathStatus {

	private BeaconPathStatus() {
	}

	static BeaconStatus of(Path path, FileStatus held, NativePosix posix, Duration watchInterval) {
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
			return new BeaconStatus(BeaconDownReason.NOT_A_FIFO,
					now.get().type().sentenceStart()
							+ " took the FIFO's place; fifo-liveness never replaces it: remove it"
							+ recreation(watchInterval, "and the beacon recreates the FIFO",
									"and restart the application")
							+ "." + " Peers see the application down (NOT_A_FIFO).");
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

}
