package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.PosixException;
import org.slf4j.Logger;

/**
 * One peer folder, watched with inotify (its nearest existing ancestor while it is
 * missing), else rescanned every poll interval. Confined to the loop's thread, except for
 * {@link #publications()} and {@link #askToLookAgain()}.
 */
final class WatchedPeerFolder implements WatchGroup, FolderWatches.Follower {

	private final PeerFolder folder;

	private final Logger logger;

	private final FolderMembers members;

	// Each folder's safety net comes on a tick of its own.
	private final int phase;

	private int safetyNetTicks;

	// Whether the folder, or an ancestor on the way to it, is watched.
	private volatile boolean armed;

	private boolean rearm;

	// Asked for by a health request that found another folder at the path.
	private volatile boolean lookAgainAsked;

	private boolean unwatchedTold;

	WatchedPeerFolder(PeerFolder folder, int phase, Logger logger, PeerFolderListener listener, NativePosix posix,
			LongSupplier clock) {
		this.folder = folder;
		this.phase = phase;
		this.logger = logger;
		this.members = new FolderMembers(folder, logger, listener, posix, clock);
	}

	PeerFolder folder() {
		return this.folder;
	}

	boolean isArmed() {
		return this.armed;
	}

	// What health reads, from any thread.
	FolderPublications publications() {
		return this.members.publications();
	}

	@Override
	public void start(WatchLoop loop) {
		this.rearm = false;
		this.armed = false;
		if (loop.isWatching()) {
			arm(loop);
		}
		this.members.start(loop);
	}

	// From any thread; the caller wakes the loop.
	void askToLookAgain() {
		this.lookAgainAsked = true;
	}

	@Override
	public void settle(WatchLoop loop) {
		if (this.lookAgainAsked) {
			this.lookAgainAsked = false;
			lookAgain(loop);
		}
		if (this.rearm) {
			arm(loop);
			this.members.mustRescan();
		}
		this.members.settle(loop);
	}

	@Override
	public void release(WatchLoop loop) {
		this.members.release(loop);
		loop.unwatchFolder(this);
		this.armed = false;
	}

	private void arm(WatchLoop loop) {
		this.rearm = false;
		try {
			loop.watchFolder(this, this.folder.path(), null);
			this.armed = true;
			if (this.unwatchedTold) {
				this.unwatchedTold = false;
				this.logger.info("Peer folder '" + this.folder.name() + "' is watched again");
			}
		}
		catch (PosixException ex) {
			this.armed = false;
			// Told once, as for a peer, not at each safety net that tries again in vain.
			if (!this.unwatchedTold) {
				this.unwatchedTold = true;
				this.logger.info("Peer folder '" + this.folder.name() + "' is rescanned every "
						+ describe(loop.settings().pollInterval()) + " instead of watched: " + ex.getMessage()
						+ loop.settings().describeRetry());
			}
		}
	}

	private static String describe(Duration interval) {
		return WatchSettings.isOff(interval)
				? "safety-net interval ('fifo-liveness.monitor.poll-interval' is " + interval + ")"
				: interval.toMillis() + " ms ('fifo-liveness.monitor.poll-interval')";
	}

	@Override
	public void fileChanged(String name, FolderChange change) {
		this.members.changed(name, change);
	}

	@Override
	public void watchAgain() {
		this.rearm = true;
	}

	// Its mode may let the monitor's user read it no more, or again: the watch stands.
	@Override
	public void folderAttributesChanged() {
		this.members.mustRescan();
	}

	@Override
	public boolean isPolled() {
		return true;
	}

	@Override
	public void poll(WatchLoop loop) {
		if (!this.armed) {
			this.members.mustRescan();
		}
		else {
			this.members.pollUnheld(loop);
		}
	}

	@Override
	public void safetyNet(WatchLoop loop, int slices) {
		this.safetyNetTicks++;
		if ((this.safetyNetTicks + this.phase) % slices == 0) {
			lookAgain(loop);
		}
	}

	// A folder renamed away, or a link pointed elsewhere, keeps the old watch.
	@Override
	public void lookAgain(WatchLoop loop) {
		this.members.mustRescan();
		if (loop.isWatching() && !loop.isFolderStillAt(this)) {
			this.rearm = true;
		}
	}

	@Override
	public long due(long now) {
		return this.rearm ? 0 : this.members.due(now);
	}

	@Override
	public int size() {
		return 1;
	}

	@Override
	public String describe() {
		return "peer folder '" + this.folder.name() + "'";
	}

}
