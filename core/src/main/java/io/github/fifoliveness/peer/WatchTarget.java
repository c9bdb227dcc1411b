package io.github.fifoliveness.peer;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link PeerWatcher} can follow through the kernel's events for a probe, instead
 * of probing it every poll interval: a FIFO whose write end it holds, a PID file whose
 * process it watches, or nothing, and the peer is polled. A probe of your own that wraps
 * a FIFO returns {@link #fifo(FifoPeerProbe)} with a probe of that FIFO.
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
	 * has none. When the kernel reports a change, the watcher probes the FIFO with the
	 * given probe; every safety-net interval, it calls the peer's own probe.
	 * @param probe a probe of the FIFO
	 * @return the target
	 */
	public static WatchTarget fifo(FifoPeerProbe probe) {
		return new WatchTarget(probe, null);
	}

	/**
	 * Watch a PID file's process through a pidfd, and its folder for the file to change.
	 * @param probe a probe of the PID file
	 * @return the target
	 */
	public static WatchTarget pidFile(PidFilePeerProbe probe) {
		return new WatchTarget(null, probe);
	}

	/**
	 * Nothing to watch: the peer is probed every poll interval.
	 * @return the target
	 */
	public static WatchTarget none() {
		return NONE;
	}

	/**
	 * Whether there is something to watch.
	 * @return {@code false} for {@link #none()}
	 */
	public boolean isWatchable() {
		return this.fifo != null || this.pidFile != null;
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
