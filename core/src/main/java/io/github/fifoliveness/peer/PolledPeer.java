package io.github.fifoliveness.peer;

import java.nio.file.Path;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.KernelEvents;

/**
 * A peer whose probe is of a kind the watcher does not know: it is always polled.
 */
final class PolledPeer extends WatchedPeer {

	PolledPeer(String name, int key, PeerProbe probe) {
		super(name, key, probe);
	}

	@Override
	Path file() {
		throw new UnsupportedOperationException("Peer '" + name() + "' is polled, not watched");
	}

	@Override
	ProbeResult probeAndHold(KernelEvents events) {
		return probe().probe();
	}

	@Override
	boolean isHeld() {
		return false;
	}

	@Override
	boolean isStillHeld() {
		return false;
	}

	@Override
	void release() {
	}

	@Override
	void fileChanged(FolderChange change) {
	}

}
