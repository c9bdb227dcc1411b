package io.github.fifoliveness.peer;

/**
 * The answer of one probe: alive, or down with a reason.
 *
 * @param alive whether the peer is alive
 * @param reason why the peer is down, {@code null} when alive
 * @param message what the reason means for this peer, {@code null} when alive
 * @param error the system error name (such as {@code ELOOP}) for {@link DownReason#ERROR}, else {@code null}
 * @param pid the process id read from a PID file, else {@code null}
 * @param note anything else worth knowing about an alive peer, else {@code null}
 */
public record ProbeResult(boolean alive, DownReason reason, String message, String error, Integer pid, String note) {

	static final ProbeResult ALIVE = new ProbeResult(true, null, null, null, null, null);

	static ProbeResult alive(int pid, String note) {
		return new ProbeResult(true, null, null, null, pid, note);
	}

	static ProbeResult down(DownReason reason, String message) {
		return new ProbeResult(false, reason, message, null, null, null);
	}

	static ProbeResult down(DownReason reason, String message, int pid) {
		return new ProbeResult(false, reason, message, null, pid, null);
	}

	static ProbeResult error(String error, String message) {
		return new ProbeResult(false, DownReason.ERROR, message, error, null, null);
	}

}
