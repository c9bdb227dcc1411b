package io.github.fifoliveness.peer;

import java.time.Duration;

/**
 * How a {@link PeerWatcher} follows peers and peer folders.
 *
 * @param watch whether to watch through the kernel's events; {@code false} polls only
 * @param pollInterval how often to probe what is not watched (peers and live members
 * beyond the budget of descriptors, folders that cannot be watched); zero or negative
 * never does
 * @param safetyNetInterval how often to look at what is watched anyway; zero or negative
 * never does
 */
public record WatchSettings(boolean watch, Duration pollInterval, Duration safetyNetInterval) {

	/**
	 * Say how what is not watched is probed.
	 * @return such as "probed every 1000 ms ('fifo-liveness.monitor.poll-interval')"
	 */
	String describePolling() {
		return isOff(this.pollInterval)
				? "not probed in the background ('fifo-liveness.monitor.poll-interval' is " + this.pollInterval + ")"
				: "probed every " + this.pollInterval.toMillis() + " ms ('fifo-liveness.monitor.poll-interval')";
	}

	static boolean isOff(Duration interval) {
		return interval.isZero() || interval.isNegative();
	}

}
