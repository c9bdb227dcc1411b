package io.github.fifoliveness.peer;

import java.nio.file.Path;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;
import org.jspecify.annotations.Nullable;

/**
 * One peer as {@link WatchedPeers} follows it: while it is up, something held in the
 * event set that reports its death; while it is down, an interest in its folder; or,
 * where neither works, the reason it is polled instead. Confined to the watcher's thread,
 * except for {@link #isWatched()}.
 */
abstract class WatchedPeer implements WatchLoop.Held, FolderWatches.Follower {

	private final WatchedPeers group;

	private final String name;

	private final int key;

	private final PeerProbe probe;

	private @Nullable OpenFile held;

	private @Nullable ProbeResult last;

	private volatile boolean watched;

	private boolean touched;

	private boolean changed;

	private int unexplainedOpens;

	WatchedPeer(WatchedPeers group, String name, int key, PeerProbe probe) {
		this.group = group;
		this.name = name;
		this.key = key;
		this.probe = probe;
	}

	final String name() {
		return this.name;
	}

	@Override
	public final int key() {
		return this.key;
	}

	final PeerProbe probe() {
		return this.probe;
	}

	/**
	 * Return the file whose folder is watched while the peer is down.
	 * @return the FIFO or PID file
	 */
	abstract Path file();

	/**
	 * Probe the peer and, if it is alive, hold what reports its death.
	 * @param loop the loop that holds it
	 * @return the probe result
	 * @throws PosixException if the peer is alive but its death cannot be watched
	 */
	abstract ProbeResult probeAndHold(WatchLoop loop) throws PosixException;

	/**
	 * Whether the loop knows how to watch this peer.
	 * @return {@code false} for a probe of another kind, which is polled
	 */
	boolean isWatchable() {
		return true;
	}

	/**
	 * Whether something is held that will report the peer's death.
	 * @return {@code true} while held
	 */
	final boolean isHeld() {
		return this.held != null;
	}

	final @Nullable OpenFile held() {
		return this.held;
	}

	final void hold(@Nullable OpenFile held) {
		this.held = held;
	}

	/**
	 * Whether what is held still stands for the peer as its path names it now; the safety
	 * net's check of a held peer.
	 * @return {@code false} if the peer must be probed again
	 */
	abstract boolean isStillHeld();

	/**
	 * Close what is held, if anything; the peer keeps its reserved descriptor.
	 * @param loop the loop that holds it
	 */
	final void release(WatchLoop loop) {
		if (this.held != null) {
			this.held.close();
			this.held = null;
			loop.released(this, true);
		}
	}

	/**
	 * React to a change of the peer's file while the peer is down, by calling
	 * {@link #mustProbe()} or {@link #countOpen(boolean)}.
	 * @param change what changed
	 */
	abstract void fileChanged(FolderChange change);

	@Override
	public final void reported() {
		touch();
		mustProbe();
	}

	@Override
	public final void fileChanged(String name, FolderChange change) {
		touch();
		if (!isHeld()) {
			fileChanged(change);
		}
	}

	@Override
	public final void watchAgain() {
		touch();
		mustProbe();
	}

	final @Nullable ProbeResult last() {
		return this.last;
	}

	final void last(ProbeResult result) {
		this.last = result;
	}

	/**
	 * Whether the watcher learns of this peer's changes from the kernel (not by polling).
	 * @return {@code true} when watched; safe from any thread
	 */
	final boolean isWatched() {
		return this.watched;
	}

	final void watched(boolean watched) {
		this.watched = watched;
	}

	// Something happened to this peer: listed once for settling.
	private void touch() {
		if (!this.touched) {
			this.touched = true;
			this.group.touched(this);
		}
	}

	/**
	 * Note that the peer must be probed again.
	 */
	final void mustProbe() {
		touch();
		this.changed = true;
	}

	/**
	 * Note an open ({@code true}) or a close after writing ({@code false}) of the peer's
	 * FIFO that may be a probe's own, which opens and closes at once: only an open that
	 * no such close follows means a reader.
	 * @param opened whether it was an open
	 */
	final void countOpen(boolean opened) {
		if (opened) {
			this.unexplainedOpens++;
		}
		else if (this.unexplainedOpens > 0) {
			this.unexplainedOpens--;
		}
	}

	/**
	 * Take stock of what happened since the last call.
	 * @return whether the peer must be probed again
	 */
	final boolean settle() {
		boolean probe = this.changed || this.unexplainedOpens > 0;
		this.touched = false;
		this.changed = false;
		this.unexplainedOpens = 0;
		return probe;
	}

}
