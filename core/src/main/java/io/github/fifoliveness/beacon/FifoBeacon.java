package io.github.fifoliveness.beacon;

import java.nio.file.Path;
import java.time.Duration;

import io.github.fifoliveness.posix.ConfiguredPath;
import io.github.fifoliveness.posix.NativePosix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Holds the read end of one FIFO, so that peers opening its write end succeed; the kernel
 * drops it when the process dies, however it dies, so nothing stale is left to clean up.
 * It takes the single-instance lock before the FIFO, can close the FIFO while the process
 * lives ({@link #suspend(String)}, {@link #resume()}), and {@link #check()} recreates
 * what a tmp cleaner removed.
 */
public class FifoBeacon {

	private static final Logger logger = LoggerFactory.getLogger(FifoBeacon.class);

	private final String name;

	private final Path path;

	private final SingleInstanceLock lock;

	private final NativePosix posix;

	private @Nullable BeaconFifo fifo;

	// Kept so that release() can still remove what it created.
	private @Nullable BeaconFifo suspendedFifo;

	private BeaconStatus status = BeaconStatus.RELEASED;

	private boolean holding;

	// Set by the watcher, for messages that say what happens next.
	private Duration watchInterval = Duration.ZERO;

	private boolean suspended;

	/**
	 * Create a beacon for the FIFO at the given absolute path.
	 * @param singleInstance whether to lock {@code <path>.lock} against a second instance
	 */
	public FifoBeacon(Path path, boolean singleInstance, NativePosix posix) {
		this("Liveness beacon", path, singleInstance, posix);
	}

	/** Create a beacon named in its log lines, such as {@code Readiness beacon}. */
	public FifoBeacon(String name, Path path, boolean singleInstance, NativePosix posix) {
		this.name = name;
		this.path = path;
		this.lock = new SingleInstanceLock(name, path, singleInstance, posix);
		this.posix = posix;
	}

	synchronized void watchedEvery(Duration interval) {
		this.watchInterval = interval;
	}

	/** Return the path of the single-instance lock file beside a beacon's FIFO. */
	public static Path lockFile(Path fifo) {
		return BeaconLock.pathFor(fifo);
	}

	/**
	 * Return the absolute path a configured value names, with room for
	 * {@code <name>.lock} beside it where the beacon takes the lock.
	 * @throws IllegalArgumentException saying what is wrong with the value
	 */
	public static Path configuredPath(@Nullable String value, boolean singleInstance) {
		return singleInstance ? ConfiguredPath.withSibling(value, BeaconLock.SUFFIX, "lock file")
				: ConfiguredPath.file(value);
	}

	/** Return the path of the FIFO. */
	public Path getPath() {
		return this.path;
	}

	/** Whether the beacon holds the FIFO its path names now, so peers see it alive. */
	public boolean isHeld() {
		return status().held();
	}

	/**
	 * Return whether the beacon holds its FIFO and, if not, why; while held, the path is
	 * examined on every call, so a FIFO removed or replaced is reported at once.
	 */
	public synchronized BeaconStatus status() {
		return (this.status.held() && this.fifo != null) ? statusOfPath() : this.status;
	}

	/**
	 * Take the single-instance lock ahead of {@link #hold()}, so that a second instance
	 * fails before it starts anything.
	 * @throws BeaconException if it cannot be taken, as another instance holds it
	 */
	public synchronized void lock() {
		if (!this.holding) {
			BeaconFolder.prepare(this.path, this.posix);
			this.lock.take();
		}
	}

	/**
	 * Take the lock and, unless suspended, create the FIFO if needed and hold it.
	 * @throws BeaconException if the FIFO cannot be held
	 */
	public synchronized void hold() {
		if (this.holding) {
			return;
		}
		lock();
		try {
			if (!this.suspended) {
				this.fifo = BeaconFifo.hold(this.path, this.lock.foundLeftBehind(), this.posix);
				this.status = BeaconStatus.HELD;
			}
			else {
				// Held on resume(); anything but a FIFO at the path fails startup now.
				BeaconFifo.refuseAnythingElse(this.path, this.posix);
			}
		}
		catch (RuntimeException ex) {
			this.lock.release();
			throw ex;
		}
		this.holding = true;
		if (this.fifo != null) {
			logger.info(this.name + " holds FIFO '" + this.path + "'" + (this.fifo.created() ? "" : " (reused)")
					+ "; peers that probe this path see the application alive until it stops or dies");
		}
	}

	/**
	 * Close the FIFO and give back the lock, removing the FIFO if this beacon created or
	 * adopted it and no other instance holds it.
	 */
	public synchronized void release() {
		if (!this.holding) {
			this.lock.release();
			return;
		}
		boolean exclusive = this.lock.isExclusive();
		for (BeaconFifo held : new BeaconFifo[] { this.fifo, this.suspendedFifo }) {
			if (held != null) {
				held.release(this.path, exclusive, this.posix);
			}
		}
		this.fifo = null;
		this.suspendedFifo = null;
		this.lock.release();
		this.holding = false;
		this.status = BeaconStatus.RELEASED;
		logger.info(this.name + " released FIFO '" + this.path + "'; peers now see the application down");
	}

	/** Whether between {@link #hold()} and {@link #release()}, suspended or not. */
	public synchronized boolean isHolding() {
		return this.holding;
	}

	/**
	 * Close the FIFO's read end, so that peers see a broken application down; the FIFO
	 * and the lock stay for {@link #resume()}. Logged at WARN.
	 * @param reason why, for the health component and the log
	 */
	public void suspend(String reason) {
		suspend(reason, false);
	}

	/**
	 * Close the FIFO's read end, as {@link #suspend(String)} does.
	 * @param reason why, for the health component and the log
	 * @param expected whether the application chose it in its normal course, such as
	 * refusing traffic as it closes: logged at INFO rather than WARN
	 */
	public synchronized void suspend(String reason, boolean expected) {
		if (this.suspended) {
			return;
		}
		this.suspended = true;
		if (this.fifo != null) {
			this.fifo.readEnd().close();
			this.suspendedFifo = this.fifo;
			this.fifo = null;
		}
		this.status = new BeaconStatus(BeaconDownReason.SUSPENDED, reason);
		if (this.holding) {
			String message = this.name + " closed FIFO '" + this.path + "': " + reason
					+ ". Peers see the application down.";
			if (expected) {
				logger.info(message);
			}
			else {
				logger.warn(message);
			}
		}
	}

	/**
	 * Hold the FIFO again; if it cannot be held now, the health component says why and
	 * the watcher keeps trying.
	 */
	public synchronized void resume() {
		if (!this.suspended) {
			return;
		}
		this.suspended = false;
		if (!this.holding) {
			return;
		}
		try {
			// A first hold (readiness beacons start suspended) may adopt a crashed run's.
			boolean first = this.suspendedFifo == null;
			BeaconFifo reopened = BeaconFifo.hold(this.path, first && this.lock.foundLeftBehind(), this.posix);
			boolean created = reopened.created() || (this.suspendedFifo != null && this.suspendedFifo.created());
			boolean removable = reopened.removable() || (this.suspendedFifo != null && this.suspendedFifo.removable());
			this.fifo = new BeaconFifo(reopened.readEnd(), created, removable);
			this.suspendedFifo = null;
			this.status = BeaconStatus.HELD;
			logger.info(this.name + " holds FIFO '" + this.path + "'" + (first ? "" : " (resumed)")
					+ "; peers see the application alive");
		}
		catch (BeaconException ex) {
			report(new BeaconStatus(BeaconDownReason.ERROR,
					"The FIFO cannot be held again: " + ex.getMessage() + ". Peers see the application down."));
		}
	}

	/** Check that the path still names the held FIFO, recreating it or the lock file. */
	public synchronized void check() {
		if (!this.holding || this.suspended) {
			return;
		}
		BeaconStatus lockLost = this.lock.keep(this.status);
		if (lockLost != null) {
			report(lockLost);
			return;
		}
		if (this.fifo == null) {
			recreate();
			return;
		}
		BeaconStatus now = statusOfPath();
		if (now.held()) {
			if (!this.status.held()) {
				logger.info(this.name + " at '" + this.path + "' holds its FIFO again (it was " + this.status.reason()
						+ "); peers see the application alive");
				this.status = BeaconStatus.HELD;
			}
			return;
		}
		if (now.reason() == BeaconDownReason.MISSING) {
			recreate();
			return;
		}
		report(now);
	}

	private void recreate() {
		try {
			BeaconFolder.prepare(this.path, this.posix);
			BeaconFifo replacement = BeaconFifo.hold(this.path, false, this.posix);
			if (this.fifo != null) {
				this.fifo.readEnd().close();
			}
			this.fifo = replacement;
			this.suspendedFifo = null;
			this.status = BeaconStatus.HELD;
			logger.warn(this.name + "'s FIFO '" + this.path + "' was removed or replaced while the application ran"
					+ " (tmp cleaners such as systemd-tmpfiles do this); the beacon holds it again, so peers see the"
					+ " application alive. Exclude the path from the cleaner to avoid the gap.");
		}
		catch (BeaconException ex) {
			report(new BeaconStatus(BeaconDownReason.ERROR, "The FIFO was removed or replaced and cannot be held"
					+ " again: " + ex.getMessage() + ". Peers see the application down."));
		}
	}

	private BeaconStatus statusOfPath() {
		return this.fifo.statusAt(this.path, this.posix, this.watchInterval);
	}

	// Logs once per problem, not once per check.
	private void report(BeaconStatus problem) {
		if (this.status.reason() != problem.reason()) {
			logger.warn(this.name + " at '" + this.path + "': " + problem.message());
		}
		this.status = problem;
	}

}
