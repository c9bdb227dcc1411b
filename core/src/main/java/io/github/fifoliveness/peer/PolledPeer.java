package io.github.fifoliveness.peer;

import java.nio.file.Path;

import io.github.fifoliveness.posix.FolderChange;

final class PolledPeer extends WatchedPeer {

	PolledPeer(WatchedPeers group, String name, int key, PeerProbe probe) {
		super(group, name, key, probe);
	}

	@Override
	Path file() {
		throw new UnsupportedOperationException("Peer '" + name() + "' is polled, not watched");
	}

	@Override
	boolean isWatchable() {
		return false;
	}

	@Override
	ProbeResult probeAndHold(WatchLoop loop) {
		return probe().probe();
	}

	@Override
	boolean isStillHeld() {
		return false;
	}

	@Override
	void fileChanged(FolderChange change) {
	}

}
