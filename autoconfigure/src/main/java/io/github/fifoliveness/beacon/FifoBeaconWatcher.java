package io.github.fifoliveness.beacon;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs {@link FifoBeacon#check()} every watch interval on a platform thread of its own
 * (never a virtual one: the check makes native calls), so a FIFO or lock file that a tmp
 * cleaner removed is recreated within one interval, and nothing else can delay it.
 */
final class FifoBeaconWatcher {

	private static final Log logger = LogFactory.getLog(FifoBeaconWatcher.class);

	private final FifoBeacon beacon;

	private final Duration interval;

	private @Nullable ThreadPoolTaskScheduler scheduler;

	FifoBeaconWatcher(FifoBeacon beacon, Duration interval) {
		this.beacon = beacon;
		this.interval = interval;
		beacon.watchedEvery(interval);
	}

	synchronized void start() {
		if (this.scheduler != null || this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskSchedulerBuilder().poolSize(1)
			.threadNamePrefix("fifo-liveness-beacon-watch-")
			.build();
		scheduler.setDaemon(true);
		scheduler.initialize();
		scheduler.scheduleWithFixedDelay(this::checkSafely, scheduler.getClock().instant().plus(this.interval),
				this.interval);
		this.scheduler = scheduler;
	}

	synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdown();
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
