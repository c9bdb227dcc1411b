package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Probes every peer on a fixed interval and tells a {@link PeerStatusListener} of each
 * change, so that an application can react (alert, restart) without polling its own
 * health endpoint. Logs each change once: WARN when a peer goes down, INFO when it
 * recovers; never once per poll.
 */
public class PeerStatusPoller {

	private static final Logger logger = LoggerFactory.getLogger(PeerStatusPoller.class);

	private final Peers peers;

	private final Duration interval;

	private final PeerStatusTracker tracker;

	// Serializes rounds, never the lifecycle: stop() must not wait for a probe.
	private final Object pollLock = new Object();

	private @Nullable ScheduledExecutorService executor;

	// When the tick scheduled last is due, so that a tick is scheduled once per deadline.
	private long tickDue;

	private boolean tickScheduled;

	/**
	 * Create a poller.
	 * @param peers the peers to probe
	 * @param interval how often to probe; zero or negative never polls
	 * @param listener what is told of each change, on this poller's thread
	 */
	public PeerStatusPoller(Peers peers, Duration interval, PeerStatusListener listener) {
		this.peers = peers;
		this.interval = interval;
		this.tracker = new PeerStatusTracker(logger, listener, peers);
	}

	/**
	 * Start following the peers on a thread of this poller's own.
	 */
	public synchronized void start() {
		if (this.executor != null || this.interval.isZero() || this.interval.isNegative()
				|| this.peers.probes().isEmpty()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "fifo-liveness-peer-poll");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::pollSafely, 0, this.interval.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Stop following the peers.
	 */
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	/**
	 * Whether started and not stopped.
	 * @return {@code true} while running
	 */
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Probe every peer once and publish what changed. The poller's thread calls this
	 * every interval.
	 */
	public void poll() {
		synchronized (this.pollLock) {
			this.tracker.probeRound(this.peers.probes(), this.interval);
			scheduleTick();
		}
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			logger.warn("Polling peers failed", ex);
		}
	}

	// Held-back DOWNs and the lines of flapping peers are due between rounds.
	private void tickSafely() {
		try {
			synchronized (this.pollLock) {
				this.tickScheduled = false;
				this.tracker.tick();
				scheduleTick();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Publishing a held-back change failed", ex);
		}
	}

	private void scheduleTick() {
		ScheduledExecutorService scheduler;
		synchronized (this) {
			scheduler = this.executor;
		}
		if (scheduler == null || !this.tracker.isWaiting()) {
			return;
		}
		long due = this.tracker.due();
		if (this.tickScheduled && this.tickDue - due <= 0) {
			return;
		}
		this.tickScheduled = true;
		this.tickDue = due;
		scheduler.schedule(this::tickSafely, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
	}

}
