package io.github.fifoliveness.peer;

import java.time.Duration;

/**
 * How a {@link PeerWatcher} follows peers and peer folders.
 *
 * @param watch whether to watch through the kernel's events; {@code false} polls only
 * @param pollInterval how often to probe what is not watched; zero never does
 * @param safetyNetInterval how often to look at what is watched anyway; zero never does
 */
public record WatchSettings(boolean watch, Duration pollInterval, Duration safetyNetInterval) {

	/**
	 * Create settings.
	 * @throws IllegalArgumentException if an interval is negative
	 */
	public WatchSettings {
		pollInterval(pollInterval);
		safetyNetInterval(safetyNetInterval);
	}

	/**
	 * Return a valid poll interval: off or positive.
	 * @throws IllegalArgumentException if it is negative
	 */
	public static Duration pollInterval(Duration value) {
		return GracePeriods.checked(value, "A poll interval",
				"give 0 to probe nothing in the background, or how often to probe, such as 1s.");
	}

	/**
	 * Return a valid safety-net interval: off or positive.
	 * @throws IllegalArgumentException if it is negative
	 */
	public static Duration safetyNetInterval(Duration value) {
		return GracePeriods.checked(value, "A safety-net interval",
				"give 0 to rely on the kernel's events alone, or how often to probe anyway, such as 60s.");
	}

	String describePolling() {
		return isOff(this.pollInterval)
				? "not probed in the background ('fifo-liveness.monitor.poll-interval' is " + this.pollInterval + ")"
				: "probed every " + this.pollInterval.toMillis() + " ms ('fifo-liveness.monitor.poll-interval')";
	}

	// The safety net tries a failed watch again, as a folder may become readable.
	String describeRetry() {
		return isOff(this.safetyNetInterval) ? "" : "; watching it is tried again every "
				+ this.safetyNetInterval.toMillis() + " ms ('fifo-liveness.monitor.watch.safety-net-interval')";
	}

	static boolean isOff(Duration interval) {
		return interval.isZero();
	}

}
