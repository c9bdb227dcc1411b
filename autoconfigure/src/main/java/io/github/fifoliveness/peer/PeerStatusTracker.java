package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

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

	private static final int SLOW_ROUNDS_TO_REPORT = 3;

	private int slowRounds;

	private boolean slowRoundsReported;

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
	 * Record a peer's latest result, and report it if it changes the peer's status or the
	 * reason it is down.
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
	@Nullable ProbeResult last(String peer) {
		return this.last.get(peer);
	}

	/**
	 * Probe each peer once and record the results. Warns once, not per round, when a
	 * round takes longer than the interval: that means probing back to back.
	 * @param probes the probes by peer name
	 * @param interval how often rounds start
	 */
	void probeRound(Map<String, PeerProbe> probes, Duration interval) {
		Map<String, ProbeResult> results = new LinkedHashMap<>();
		long start = System.nanoTime();
		probes.forEach((name, probe) -> results.put(name, probe.probe()));
		Duration round = Duration.ofNanos(System.nanoTime() - start);
		results.forEach(this::record);
		reportSlowRounds(probes.size(), round, interval);
	}

	// Probes only, not the listeners; once, after several slow rounds in a row, not per
	// round.
	private void reportSlowRounds(int peers, Duration round, Duration interval) {
		boolean slow = !interval.isNegative() && !interval.isZero() && round.compareTo(interval) > 0;
		this.slowRounds = slow ? this.slowRounds + 1 : 0;
		if (this.slowRounds == SLOW_ROUNDS_TO_REPORT && !this.slowRoundsReported) {
			this.slowRoundsReported = true;
			this.logger.warn("Probing " + peers + " peers took " + describe(round) + ", " + SLOW_ROUNDS_TO_REPORT
					+ " rounds in a row longer than 'fifo-liveness.monitor.poll-interval' (" + describe(interval)
					+ "): the poller probes back to back and keeps a core busy."
					+ " Raise 'fifo-liveness.monitor.poll-interval'.");
		}
	}

	private static String describe(Duration duration) {
		return (duration.toMillis() >= 10) ? duration.toMillis() + " ms"
				: String.format(Locale.ROOT, "%.3f ms", duration.toNanos() / 1e6);
	}

	private void changed(String peer, @Nullable ProbeResult previous, ProbeResult result) {
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
