package io.github.fifoliveness.peer;

import org.jspecify.annotations.Nullable;

/**
 * The answer of one probe: alive, or down with a reason.
 *
 * @param reason why the peer is down, {@code null} when alive
 * @param message what the reason means for this peer, {@code null} when alive
 * @param error for {@link DownReason#ERROR}, the system error name such as {@code ELOOP}
 * @param pid the process id read from a PID file, else {@code null}
 * @param note anything else worth knowing about an alive peer, else {@code null}
 */
public record ProbeResult(@Nullable DownReason reason, @Nullable String message, @Nullable String error,
		@Nullable Integer pid, @Nullable String note) {

	static final ProbeResult ALIVE = new ProbeResult(null, null, null, null, null);

	/**
	 * Whether the peer is alive: it has no reason to be down.
	 */
	public boolean alive() {
		return this.reason == null;
	}

	static ProbeResult alive(int pid, @Nullable String note) {
		return new ProbeResult(null, null, null, pid, note);
	}

	static ProbeResult down(DownReason reason, String message) {
		return new ProbeResult(reason, message, null, null, null);
	}

	static ProbeResult down(DownReason reason, String message, int pid) {
		return new ProbeResult(reason, message, null, pid, null);
	}

	static ProbeResult error(String error, String message) {
		return new ProbeResult(DownReason.ERROR, message, error, null, null);
	}

}
