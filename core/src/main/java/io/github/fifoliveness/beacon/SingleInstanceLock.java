package io.github.fifoliveness.beacon;

import java.nio.file.Path;

import io.github.fifoliveness.posix.NativePosix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A beacon's single-instance lock on {@code <path>.lock}, when it has one.
 */
final class SingleInstanceLock {

	private static final Logger logger = LoggerFactory.getLogger(FifoBeacon.class);

	private final String name;

	private final Path path;

	private final boolean enabled;

	private final NativePosix posix;

	private @Nullable BeaconLock lock;

	SingleInstanceLock(String name, Path path, boolean enabled, NativePosix posix) {
		this.name = name;
		this.path = path;
		this.enabled = enabled;
		this.posix = posix;
	}

	// Also takes it again where a cleaner removed its file.
	void take() {
		if (this.enabled && (this.lock == null || !this.lock.isInPlace())) {
			BeaconLock taken = BeaconLock.acquire(this.path, this.posix);
			release();
			this.lock = taken;
		}
	}

	// A lock file this run did not create was left by a run that crashed.
	boolean foundLeftBehind() {
		return this.lock != null && !this.lock.isCreated();
	}

	// Another instance may have locked a file that replaced this one's.
	boolean isExclusive() {
		return this.lock != null && this.lock.isInPlace();
	}

	// Null while the lock is held, else the status the beacon must report.
	@Nullable BeaconStatus keep(BeaconStatus status) {
		if (this.lock == null || this.lock.isInPlace()) {
			return null;
		}
		try {
			BeaconFolder.prepare(this.path, this.posix);
			take();
			if (status.reason() == BeaconDownReason.LOCK_LOST) {
				logger.info(this.name + " at '" + this.path + "': the other instance released the lock file; this one"
						+ " holds it again");
			}
			else {
				logger.warn(this.name + "'s lock file '" + BeaconLock.pathFor(this.path) + "' was removed while the"
						+ " application ran (tmp cleaners do this); the beacon locked it again, so a second instance on"
						+ " this path is still refused. Exclude the folder from the cleaner.");
			}
			return null;
		}
		catch (BeaconLockHeldException ex) {
			return new BeaconStatus(BeaconDownReason.LOCK_LOST,
					"Another instance" + ex.holderDescription() + " took the lock file '"
							+ BeaconLock.pathFor(this.path)
							+ "' while it was missing and holds this FIFO too: peers cannot tell"
							+ " the two apart. Stop one of them.");
		}
		catch (BeaconException ex) {
			return new BeaconStatus(BeaconDownReason.ERROR,
					"The lock file was removed and cannot be taken again: " + ex.getMessage());
		}
	}

	void release() {
		if (this.lock != null) {
			this.lock.release();
			this.lock = null;
		}
	}

}
