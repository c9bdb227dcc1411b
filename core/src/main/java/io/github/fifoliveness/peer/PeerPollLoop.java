package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;

/**
 * Probes every peer each interval on the calling thread until told to stop: what
 * {@link PeerWatcher}'s thread does once watching failed, so that events keep coming.
 */
final class PeerPollLoop {

	private final Map<String, PeerProbe> probes;

	private final PeerStatusTracker tracker;

	private final Duration interval;

	private final Logger logger;

	PeerPollLoop(Map<String, PeerProbe> probes, PeerStatusTracker tracker, Duration interval, Logger logger) {
		this.probes = probes;
		this.tracker = tracker;
		this.interval = interval;
		this.logger = logger;
	}

	/**
	 * Probe until told to stop or interrupted.
	 * @param stopping tells when to stop
	 */
	void run(BooleanSupplier stopping) {
		long nextPoll = System.nanoTime();
		while (!stopping.getAsBoolean()) {
			long now = System.nanoTime();
			if (now - nextPoll >= 0) {
				try {
					this.tracker.probeRound(this.probes, this.interval);
				}
				catch (RuntimeException ex) {
					this.logger.warn("Polling peers failed", ex);
				}
				nextPoll = System.nanoTime() + this.interval.toNanos();
			}
			try {
				this.tracker.tick();
			}
			catch (RuntimeException ex) {
				this.logger.warn("Publishing a held-back change failed", ex);
			}
			long wake = (this.tracker.isWaiting() && this.tracker.due() - nextPoll < 0) ? this.tracker.due() : nextPoll;
			try {
				Thread.sleep(Math.max(1, (wake - System.nanoTime() + 999_999) / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
