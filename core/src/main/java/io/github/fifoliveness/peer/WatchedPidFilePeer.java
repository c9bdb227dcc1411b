package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.OpenFile;

/**
 * A PID-file peer: while up, a held pidfd reports its process's exit; while down, its
 * folder is watched for the PID file to change.
 */
final class WatchedPidFilePeer extends WatchedPeer {

	// Not CREATED: a file just created is empty until written and closed.
	private static final Set<FolderChange> REWRITTEN = EnumSet.of(FolderChange.CLOSED_AFTER_WRITING,
			FolderChange.MOVED_IN, FolderChange.DELETED, FolderChange.MOVED_OUT, FolderChange.ATTRIBUTES_CHANGED);

	private final PidFilePeerProbe pidFile;

	private int heldPid;

	WatchedPidFilePeer(WatchedPeers group, String name, int key, PidFilePeerProbe pidFile, PeerProbe recorded) {
		super(group, name, key, recorded);
		this.pidFile = pidFile;
	}

	@Override
	Path file() {
		return this.pidFile.getPidFile();
	}

	// A pidfd names whatever process had the PID when it was opened, so only a second
	// probe that finds the same PID alive (and not reused) proves it names the peer. A
	// pidfd of a process that exited meanwhile reports at once.
	@Override
	ProbeResult probeAndHold(WatchLoop loop) throws PosixException {
		ProbeResult result = probe().probe();
		if (!result.alive() || result.pid() == null) {
			return result;
		}
		OpenFile watch;
		try {
			watch = loop.watchProcess(result.pid(), this);
		}
		catch (PosixException ex) {
			if (!"ESRCH".equals(ex.getErrorName())) {
				throw ex;
			}
			// It exited since the probe: the next probe says so; the peer stays watched.
			return probe().probe();
		}
		ProbeResult again = probe().probe();
		if (again.alive() && Objects.equals(again.pid(), result.pid())) {
			hold(watch);
			this.heldPid = result.pid();
		}
		else {
			watch.close();
			loop.released(this, true);
		}
		return again;
	}

	@Override
	boolean isStillHeld() {
		ProbeResult result = probe().probe();
		return result.alive() && Objects.equals(result.pid(), this.heldPid);
	}

	@Override
	void fileChanged(FolderChange change) {
		if (REWRITTEN.contains(change)) {
			mustProbe();
		}
	}

}
