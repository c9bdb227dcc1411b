package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Rounds of probes of the polled peers; warns once when rounds keep outlasting the poll
 * interval, as that means probing back to back.
 */
final class ProbeRounds {

	private static final int SLOW_ROUNDS_TO_REPORT = 3;

	private final PeerStatusTracker tracker;

	private int slowRounds;

	private boolean slowRoundsReported;

	ProbeRounds(PeerStatusTracker tracker) {
		this.tracker = tracker;
	}

	void probe(Map<String, PeerProbe> probes, Duration interval) {
		Map<String, ProbeResult> results = new LinkedHashMap<>();
		long start = System.nanoTime();
		probes.forEach((name, probe) -> results.put(name, probe.probe()));
		Duration round = Duration.ofNanos(System.nanoTime() - start);
		results.forEach(this.tracker::record);
		reportSlowRounds(probes.size(), round, interval);
	}

	// Times the probes only, not the listeners.
	private void reportSlowRounds(int peers, Duration round, Duration interval) {
		boolean slow = !WatchSettings.isOff(interval) && round.compareTo(interval) > 0;
		this.slowRounds = slow ? this.slowRounds + 1 : 0;
		if (this.slowRounds == SLOW_ROUNDS_TO_REPORT && !this.slowRoundsReported) {
			this.slowRoundsReported = true;
			this.tracker.logger()
				.warn("Probing " + peers + " peers took " + describe(round) + ", " + SLOW_ROUNDS_TO_REPORT
						+ " rounds in a row longer than 'fifo-liveness.monitor.poll-interval' (" + describe(interval)
						+ "): the watcher probes back to back and keeps a core busy."
						+ " Raise 'fifo-liveness.monitor.poll-interval'.");
		}
	}

	private static String describe(Duration duration) {
		return (duration.toMillis() >= 10) ? duration.toMillis() + " ms"
				: String.format(Locale.ROOT, "%.3f ms", duration.toNanos() / 1e6);
	}

}
