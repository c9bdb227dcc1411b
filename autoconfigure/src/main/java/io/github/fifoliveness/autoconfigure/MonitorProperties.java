package io.github.fifoliveness.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Properties of watching peers in the background, under {@code fifo-liveness.monitor}.
 */
public class MonitorProperties {

	/**
	 * How often to probe, and publish a PeerStatusChangedEvent for each change, every
	 * peer that is not watched: all of them when watching is off or unavailable (no epoll
	 * and inotify, as on macOS and the BSDs), else those that cannot be watched. Zero
	 * turns polling off.
	 */
	private Duration pollInterval = Duration.ofSeconds(1);

	/**
	 * How long a peer that was up must stay down before its PeerStatusChangedEvent and
	 * log line are published; a peer back before then publishes nothing. Health and the
	 * fifo.liveness.peer.up gauge never wait, and every down is counted at once. Zero
	 * publishes every DOWN at once. A peer's own "down-after" overrides it.
	 */
	private Duration downAfter = Duration.ZERO;

	/**
	 * How long after the monitor started a peer not seen UP yet is not DOWN: until then
	 * health reports it UNKNOWN (reason NOT_SEEN_YET), and no PeerStatusChangedEvent, log
	 * line or 0 of the fifo.liveness.peer.up gauge is published. Seen UP once, it no
	 * longer applies. None by default. A peer's or peer folder's own "startup-grace"
	 * overrides it.
	 */
	private @Nullable Duration startupGrace;

	private final Watch watch = new Watch();

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getDownAfter() {
		return this.downAfter;
	}

	public void setDownAfter(Duration downAfter) {
		this.downAfter = downAfter;
	}

	public @Nullable Duration getStartupGrace() {
		return this.startupGrace;
	}

	public void setStartupGrace(@Nullable Duration startupGrace) {
		this.startupGrace = startupGrace;
	}

	public Watch getWatch() {
		return this.watch;
	}

	/**
	 * Watching peers through the kernel's events instead of probing them.
	 */
	public static class Watch {

		/**
		 * Whether to learn of peers dying and coming back from the kernel, within
		 * milliseconds and without polling: the write end of each live peer's FIFO held
		 * in an epoll set, a pidfd for each live PID-file peer, inotify on the folders of
		 * peers that are down (Linux on x86_64 and aarch64). Off, every peer is probed
		 * every poll interval.
		 */
		private boolean enabled = true;

		/**
		 * How often to probe the watched peers anyway, as a safety net under the kernel's
		 * events. Zero turns it off.
		 */
		private Duration safetyNetInterval = Duration.ofSeconds(60);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getSafetyNetInterval() {
			return this.safetyNetInterval;
		}

		public void setSafetyNetInterval(Duration safetyNetInterval) {
			this.safetyNetInterval = safetyNetInterval;
		}

	}

}
