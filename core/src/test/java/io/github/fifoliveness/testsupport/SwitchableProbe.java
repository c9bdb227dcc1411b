package io.github.fifoliveness.testsupport;

import java.util.Map;

import io.github.fifoliveness.peer.DownReason;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.ProbeResult;

/**
 * A probe of a kind of its own, neither FIFO nor PID file, that a test switches between
 * alive and down ({@link DownReason#ERROR}): what the watcher must poll.
 */
public final class SwitchableProbe implements PeerProbe {

	private volatile boolean alive;

	/**
	 * Make the probe find the peer alive from now on, or down.
	 * @param alive whether alive
	 */
	public void setAlive(boolean alive) {
		this.alive = alive;
	}

	@Override
	public ProbeResult probe() {
		return new ProbeResult(this.alive ? null : DownReason.ERROR, this.alive ? null : "switched off", null, null,
				null);
	}

	@Override
	public String kind() {
		return "switchable";
	}

	@Override
	public Map<String, Object> inputs() {
		return Map.of();
	}

}
