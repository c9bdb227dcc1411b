package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.WriteEndResult;

/**
 * A FIFO peer: while up, the write end of its FIFO is held, and the kernel reports it
 * when the last reader goes; while down, its folder is watched for the FIFO's creation
 * and for opens.
 */
final class WatchedFifoPeer extends WatchedPeer {

	// A probe's open fails for these, so an open of the FIFO was someone else's: a
	// reader's.
	private static final Set<DownReason> PROBE_CANNOT_OPEN = EnumSet.of(DownReason.NO_READER, DownReason.MISSING,
			DownReason.PERMISSION_DENIED);

	private final FifoPeerProbe probe;

	WatchedFifoPeer(WatchedPeers group, String name, int key, FifoPeerProbe probe, PeerProbe recorded) {
		super(group, name, key, recorded);
		this.probe = probe;
	}

	@Override
	Path file() {
		return this.probe.getPath();
	}

	@Override
	ProbeResult probeAndHold(WatchLoop loop) throws PosixException {
		WriteEndResult result = loop.holdWriteEnd(this.probe, this, true);
		hold(result.held());
		return this.probe.resultOf(result);
	}

	@Override
	boolean isStillHeld() {
		OpenFile held = held();
		return held != null && held.isStillAt(this.probe.nativePath());
	}

	/**
	 * Any open of a FIFO means a reader existed at that moment: a writer's non-blocking
	 * open succeeds only then. But inotify merges an open into an identical one queued
	 * before it, so a probe's open and close can hide a reader's open: only where the
	 * last probe itself may have opened the FIFO is an open followed by a close after
	 * writing taken for a probe's, so that the watcher never probes in a loop of its own
	 * events.
	 */
	@Override
	void fileChanged(FolderChange change) {
		boolean probeMayOpen = last() != null && !PROBE_CANNOT_OPEN.contains(last().reason());
		if (change == FolderChange.OPENED && probeMayOpen) {
			countOpen(true);
		}
		else if (change == FolderChange.CLOSED_AFTER_WRITING) {
			countOpen(false);
		}
		else {
			mustProbe();
		}
	}

}
