package io.github.fifoliveness.peer;

import java.util.Map;

/** Tells whether one peer is alive. */
public interface PeerProbe {

	/** Probe the peer now: whether it is alive, or why not. */
	ProbeResult probe();

	/** Return what kind of probe this is, such as {@code fifo} or {@code pid-file}. */
	String kind();

	/** Return what this probe looks at, such as the FIFO's path, by detail name. */
	Map<String, Object> inputs();

	/**
	 * Return what a {@link PeerWatcher} can follow for this peer through the kernel's
	 * events. By default nothing: the peer is probed every poll interval, and the watcher
	 * says so once at startup.
	 */
	default WatchTarget watchTarget() {
		return WatchTarget.none();
	}

}
