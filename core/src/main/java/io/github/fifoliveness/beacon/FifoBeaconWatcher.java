package io.github.fifoliveness.beacon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link FifoBeacon#check()} every watch interval on a platform thread of its own
 * (never a virtual one: the check makes native calls), so that a FIFO or lock file a tmp
 * cleaner removed is recreated within one interval, and nothing else delays it.
 */
public final class FifoBeaconWatcher {

	private static final Logger logger = LoggerFactory.getLogger(FifoBeaconWatcher.class);

	private final FifoBeacon beacon;

	private final Duration interval;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Create a watcher that checks the beacon every interval, never if it is zero.
	 * @throws IllegalArgumentException if the interval is negative
	 */
	public FifoBeaconWatcher(FifoBeacon beacon, Duration interval) {
		this.beacon = beacon;
		this.interval = interval(interval);
		beacon.watchedEvery(interval);
	}

	/**
	 * Return how often to check a beacon's path, zero for never.
	 * @throws IllegalArgumentException if it is negative
	 */
	public static Duration interval(Duration value) {
		// Above 100 years, the scheduler's arithmetic in nanoseconds overflows.
		if (value.isNegative() || value.compareTo(Duration.ofDays(36_500)) > 0) {
			throw new IllegalArgumentException("A watch interval cannot be negative or above 36500d; give 0 to never"
					+ " check the beacon's path, or how often to check it, such as 2s.");
		}
		return value;
	}

	/** Start checking, unless started already or the interval is zero. */
	public synchronized void start() {
		if (this.scheduler != null || this.interval.isZero()) {
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "fifo-liveness-beacon-watch-1");
			thread.setDaemon(true);
			return thread;
		});
		long nanos = this.interval.toNanos();
		scheduler.scheduleWithFixedDelay(this::checkSafely, nanos, nanos, TimeUnit.NANOSECONDS);
		this.scheduler = scheduler;
	}

	/** Stop checking. */
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	private void checkSafely() {
		try {
			this.beacon.check();
		}
		catch (RuntimeException ex) {
			logger.warn("Liveness beacon could not check FIFO '" + this.beacon.getPath() + "'", ex);
		}
	}

}
