package io.github.fifoliveness.peer;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link PeerWatcher} can follow through the kernel's events for a probe, instead
 * of polling it. A probe of your own that wraps a FIFO returns
 * {@link #fifo(FifoPeerProbe)} with a probe of that FIFO.
 */
public final class WatchTarget {

	private static final WatchTarget NONE = new WatchTarget(null, null);

	private final @Nullable FifoPeerProbe fifo;

	private final @Nullable PidFilePeerProbe pidFile;

	private WatchTarget(@Nullable FifoPeerProbe fifo, @Nullable PidFilePeerProbe pidFile) {
		this.fifo = fifo;
		this.pidFile = pidFile;
	}

	/**
	 * Watch a FIFO: hold its write end while it has a reader, watch its folder while it
	 * has none. Kernel events are checked with the given probe; the safety net calls the
	 * peer's own.
	 */
	public static WatchTarget fifo(FifoPeerProbe probe) {
		return new WatchTarget(probe, null);
	}

	/**
	 * Watch a PID file's process through a pidfd, and its folder for the file to change.
	 */
	public static WatchTarget pidFile(PidFilePeerProbe probe) {
		return new WatchTarget(null, probe);
	}

	/**
	 * Nothing to watch: the peer is probed every poll interval.
	 */
	public static WatchTarget none() {
		return NONE;
	}

	WatchedPeer watchedPeer(WatchedPeers group, String name, int key, PeerProbe recorded) {
		if (this.fifo != null) {
			return new WatchedFifoPeer(group, name, key, this.fifo, recorded);
		}
		if (this.pidFile != null) {
			return new WatchedPidFilePeer(group, name, key, this.pidFile, recorded);
		}
		return new PolledPeer(group, name, key, recorded);
	}

}
