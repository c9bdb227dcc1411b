package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Probes every peer on a fixed interval and publishes a {@link PeerStatusChangedEvent} on
 * each change, so that an application can react (alert, restart) without polling its own
 * health endpoint. Logs each change once: WARN when a peer goes down, INFO when it
 * recovers; never once per poll.
 */
public class PeerStatusPoller implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PeerStatusPoller.class);

	private static final int SLOW_ROUNDS_TO_REPORT = 3;

	private final Peers peers;

	private final Duration interval;

	private final ApplicationEventPublisher publisher;

	// Guards the probes' results, never the lifecycle: stop() must not wait for a probe.
	private final Object pollLock = new Object();

	private final Map<String, ProbeResult> last = new HashMap<>();

	private int slowRounds;

	private boolean slowRoundsReported;

	private ScheduledExecutorService executor;

	/**
	 * Create a poller.
	 * @param peers the peers to probe
	 * @param interval how often to probe; zero or negative never polls
	 * @param publisher where events go
	 */
	public PeerStatusPoller(Peers peers, Duration interval, ApplicationEventPublisher publisher) {
		this.peers = peers;
		this.interval = interval;
		this.publisher = publisher;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null || this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "fifo-liveness-peer-poll");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::pollSafely, 0, this.interval.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Probe every peer once and publish what changed. The poller's thread calls this
	 * every interval.
	 */
	public void poll() {
		synchronized (this.pollLock) {
			Map<String, ProbeResult> results = new LinkedHashMap<>();
			long start = System.nanoTime();
			this.peers.probes().forEach((name, probe) -> results.put(name, probe.probe()));
			Duration round = Duration.ofNanos(System.nanoTime() - start);
			results.forEach((name, result) -> {
				ProbeResult previous = this.last.put(name, result);
				// The reason is null exactly when the peer is alive, so it tells every change.
				if (previous == null || previous.reason() != result.reason()) {
					changed(name, previous, result);
				}
			});
			reportSlowRounds(round);
		}
	}

	// Probes only, not the listeners; once, after several slow rounds in a row, not per round.
	private void reportSlowRounds(Duration round) {
		boolean slow = !this.interval.isNegative() && !this.interval.isZero() && round.compareTo(this.interval) > 0;
		this.slowRounds = slow ? this.slowRounds + 1 : 0;
		if (this.slowRounds == SLOW_ROUNDS_TO_REPORT && !this.slowRoundsReported) {
			this.slowRoundsReported = true;
			logger.warn("Probing " + this.peers.probes().size() + " peers took " + describe(round) + ", "
					+ SLOW_ROUNDS_TO_REPORT + " rounds in a row longer than 'fifo-liveness.monitor.poll-interval' ("
					+ describe(this.interval) + "): the poller probes back to back and keeps a core busy."
					+ " Raise 'fifo-liveness.monitor.poll-interval'.");
		}
	}

	private static String describe(Duration duration) {
		return (duration.toMillis() >= 10) ? duration.toMillis() + " ms"
				: String.format(Locale.ROOT, "%.3f ms", duration.toNanos() / 1e6);
	}

	private void changed(String name, ProbeResult previous, ProbeResult result) {
		PeerStatus previousStatus = (previous == null) ? PeerStatus.UNKNOWN : PeerStatus.of(previous);
		PeerStatusChangedEvent event = new PeerStatusChangedEvent(this, name, previousStatus, result);
		if (!result.alive()) {
			logger.warn("Peer '" + name + "' is DOWN (" + result.reason() + "): " + result.message());
		}
		else if (previousStatus == PeerStatus.DOWN) {
			logger.info("Peer '" + name + "' is UP again");
		}
		this.publisher.publishEvent(event);
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			logger.warn("Polling peers failed", ex);
		}
	}

}
