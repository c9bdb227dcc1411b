package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Remembers each peer's last probe result and, on every change, logs it once and
 * publishes a {@link PeerStatusChangedEvent}: the first result (from
 * {@link PeerStatus#UNKNOWN}), going down, a change of the reason it is down, recovery.
 * The poller and the watcher share it, so both report exactly the same transitions.
 * Results are recorded by one thread at a time and may be read from any.
 */
final class PeerStatusTracker {

	private final Object source;

	private final Log logger;

	private final ApplicationEventPublisher publisher;

	private final Map<String, ProbeResult> last = new ConcurrentHashMap<>();

	private boolean slowRoundReported;

	/**
	 * Create a tracker.
	 * @param source the events' source
	 * @param logger where changes are logged, the source's own logger
	 * @param publisher where events go
	 */
	PeerStatusTracker(Object source, Log logger, ApplicationEventPublisher publisher) {
		this.source = source;
		this.logger = logger;
		this.publisher = publisher;
	}

	/**
	 * Record a peer's latest result, and report it if it changes the peer's status or
	 * the reason it is down.
	 * @param peer the peer's name
	 * @param result the result
	 */
	void record(String peer, ProbeResult result) {
		ProbeResult previous = this.last.put(peer, result);
		// The reason is null exactly when the peer is alive, so it tells every change.
		if (previous == null || previous.reason() != result.reason()) {
			changed(peer, previous, result);
		}
	}

	/**
	 * Return a peer's latest result.
	 * @param peer the peer's name
	 * @return the result, {@code null} before the first
	 */
	ProbeResult last(String peer) {
		return this.last.get(peer);
	}

	/**
	 * Probe each peer once and record the results. Warns once, not per round, when a
	 * round takes longer than the interval: that means probing back to back.
	 * @param probes the probes by peer name
	 * @param interval how often rounds start
	 */
	void probeRound(Map<String, PeerProbe> probes, Duration interval) {
		long start = System.nanoTime();
		probes.forEach((name, probe) -> record(name, probe.probe()));
		Duration round = Duration.ofNanos(System.nanoTime() - start);
		if (!this.slowRoundReported && !interval.isNegative() && !interval.isZero() && round.compareTo(interval) > 0) {
			this.slowRoundReported = true;
			this.logger.warn("Probing " + probes.size() + " peers took " + round.toMillis() + " ms, longer than"
					+ " 'fifo-liveness.monitor.poll-interval' (" + interval.toMillis() + " ms): the poller probes"
					+ " back to back and keeps a core busy. Raise 'fifo-liveness.monitor.poll-interval'.");
		}
	}

	private void changed(String peer, ProbeResult previous, ProbeResult result) {
		PeerStatus previousStatus = (previous == null) ? PeerStatus.UNKNOWN : PeerStatus.of(previous);
		if (!result.alive()) {
			this.logger.warn("Peer '" + peer + "' is DOWN (" + result.reason() + "): " + result.message());
		}
		else if (previousStatus == PeerStatus.DOWN) {
			this.logger.info("Peer '" + peer + "' is UP again");
		}
		this.publisher.publishEvent(new PeerStatusChangedEvent(this.source, peer, previousStatus, result));
	}

}
