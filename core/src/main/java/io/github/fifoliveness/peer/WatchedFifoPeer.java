package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.WriteEndResult;

/**
 * A FIFO peer: while up, its held write end reports when the last reader goes; while
 * down, its folder is watched for the FIFO's creation and for opens.
 */
final class WatchedFifoPeer extends WatchedPeer {

	// A probe's open fails for these, so an open of the FIFO was a reader's.
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

	// Any open of a FIFO means a reader existed at that moment (a writer's non-blocking
	// open succeeds only then), but inotify merges an open into an identical one queued
	// before it, so a probe's open can hide a reader's. An open and a close after writing
	// are taken for a probe's only where the last probe may have opened the FIFO, so the
	// watcher never probes in a loop of its own events.
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
