package io.github.fifoliveness.testsupport;

import java.nio.file.Path;
import java.util.Map;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.ProbeResult;
import io.github.fifoliveness.peer.WatchTarget;
import io.github.fifoliveness.posix.NativePosix;

/**
 * A probe of the application's own that wraps a FIFO's probe and names that FIFO as its
 * watch target, as reacting-to-changes.md shows it: the watcher must watch it through the
 * FIFO, not poll it.
 */
public final class OwnFifoProbe implements PeerProbe {

	private final Path fifo;

	private final FifoPeerProbe inner;

	/**
	 * Wrap the probe of the given FIFO.
	 * @param fifo the FIFO
	 * @param posix the native layer
	 */
	public OwnFifoProbe(Path fifo, NativePosix posix) {
		this.fifo = fifo;
		this.inner = new FifoPeerProbe(fifo, posix);
	}

	@Override
	public ProbeResult probe() {
		return this.inner.probe();
	}

	@Override
	public String kind() {
		return "own";
	}

	@Override
	public Map<String, Object> inputs() {
		return Map.of("path", this.fifo.toString());
	}

	@Override
	public WatchTarget watchTarget() {
		return WatchTarget.fifo(this.inner);
	}

}
