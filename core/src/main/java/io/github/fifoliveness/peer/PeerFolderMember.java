package io.github.fifoliveness.peer;

import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.WriteEndResult;
import org.jspecify.annotations.Nullable;

/**
 * A member of a watched peer folder: its FIFO, the write end held while it is up, and its
 * latest result. Confined to the watcher's thread.
 */
final class PeerFolderMember implements WatchLoop.Held {

	private final FolderMembers folder;

	private final String fileName;

	private final String name;

	private final int key;

	private final FifoPeerProbe probe;

	private @Nullable OpenFile held;

	private @Nullable ProbeResult last;

	PeerFolderMember(FolderMembers folder, String fileName, String name, int key, FifoPeerProbe probe) {
		this.folder = folder;
		this.fileName = fileName;
		this.name = name;
		this.key = key;
		this.probe = probe;
	}

	String fileName() {
		return this.fileName;
	}

	String name() {
		return this.name;
	}

	@Override
	public int key() {
		return this.key;
	}

	@Override
	public void reported() {
		this.folder.readerGone(this);
	}

	boolean isHeld() {
		return this.held != null;
	}

	/** Probe the member, holding its write end while it is up where the budget allows. */
	ProbeResult probeAndHold(WatchLoop loop) {
		release(loop);
		try {
			WriteEndResult result = loop.holdWriteEnd(this.probe, this, false);
			if (result == null) {
				return this.probe.probe();
			}
			this.held = result.held();
			return this.probe.resultOf(result);
		}
		catch (PosixException ex) {
			// Alive, but its end cannot join the set: probed every poll interval instead.
			return ProbeResult.ALIVE;
		}
	}

	/** Whether the held end still stands for the FIFO the path names now. */
	boolean isStillHeld() {
		return this.held != null && this.held.isStillAt(this.probe.nativePath());
	}

	/** Close the held end, if any, and give its descriptor back to the budget. */
	void release(WatchLoop loop) {
		if (this.held != null) {
			this.held.close();
			this.held = null;
			loop.released(this, false);
		}
	}

	@Nullable ProbeResult last() {
		return this.last;
	}

	void last(ProbeResult last) {
		this.last = last;
	}

	void drop(WatchLoop loop) {
		release(loop);
		loop.keys().free(this.key);
	}

}
