package io.github.fifoliveness.peer;

import java.nio.file.Path;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;
import org.jspecify.annotations.Nullable;

/**
 * One peer as {@link WatchedPeers} follows it: while up, something held reports its
 * death; while down, its folder is watched. Confined to the watcher's thread, except for
 * {@link #isWatched()}.
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

	// The FIFO or PID file, whose folder is watched while the peer is down.
	abstract Path file();

	// Throws if the peer is alive but its death cannot be watched.
	abstract ProbeResult probeAndHold(WatchLoop loop) throws PosixException;

	boolean isWatchable() {
		return true;
	}

	final boolean isHeld() {
		return this.held != null;
	}

	final @Nullable OpenFile held() {
		return this.held;
	}

	final void hold(@Nullable OpenFile held) {
		this.held = held;
	}

	// Whether what is held still stands for the peer its path names now.
	abstract boolean isStillHeld();

	// The peer keeps its reserved descriptor.
	final void release(WatchLoop loop) {
		if (this.held != null) {
			this.held.close();
			this.held = null;
			loop.released(this, true);
		}
	}

	// While the peer is down; calls mustProbe() or countOpen(boolean).
	abstract void fileChanged(FolderChange change);

	@Override
	public final void reported() {
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
		mustProbe();
	}

	final @Nullable ProbeResult last() {
		return this.last;
	}

	final void last(ProbeResult result) {
		this.last = result;
	}

	final boolean isWatched() {
		return this.watched;
	}

	final void watched(boolean watched) {
		this.watched = watched;
	}

	private void touch() {
		if (!this.touched) {
			this.touched = true;
			this.group.touched(this);
		}
	}

	final void mustProbe() {
		touch();
		this.changed = true;
	}

	// An open, or a close after writing, that may be a probe's own, which opens and
	// closes at once: only an open that no such close follows means a reader.
	final void countOpen(boolean opened) {
		if (opened) {
			this.unexplainedOpens++;
		}
		else if (this.unexplainedOpens > 0) {
			this.unexplainedOpens--;
		}
	}

	// Whether the peer must be probed again, for what happened since the last call.
	final boolean settle() {
		boolean probe = this.changed || this.unexplainedOpens > 0;
		this.touched = false;
		this.changed = false;
		this.unexplainedOpens = 0;
		return probe;
	}

}
