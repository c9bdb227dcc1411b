package io.github.fifoliveness.peer;

import java.util.Arrays;
import java.util.BitSet;

import org.jspecify.annotations.Nullable;

/**
 * The event-set keys of peers and folder members, lowest free first so an array finds a
 * key's holder. Keys outlive a run, as members do, so a restart never gives a new member
 * a live one's. Used by the watcher's thread only, after construction.
 */
final class WatchKeys {

	private final BitSet taken = new BitSet();

	private WatchLoop.@Nullable Held[] held = new WatchLoop.Held[16];

	private int heldCount;

	// A new run starts with nothing held, whatever an earlier run failed to release.
	void forgetHolders() {
		Arrays.fill(this.held, null);
		this.heldCount = 0;
	}

	int take() {
		int key = this.taken.nextClearBit(0);
		this.taken.set(key);
		return key;
	}

	// For a member dropped for good, once released.
	void free(int key) {
		this.taken.clear(key);
	}

	void hold(WatchLoop.Held who) {
		int key = who.key();
		if (key >= this.held.length) {
			this.held = Arrays.copyOf(this.held, Math.max(key + 1, this.held.length * 2));
		}
		if (this.held[key] == null) {
			this.heldCount++;
		}
		this.held[key] = who;
	}

	boolean release(WatchLoop.Held who) {
		int key = who.key();
		if (key >= this.held.length || this.held[key] != who) {
			return false;
		}
		this.held[key] = null;
		this.heldCount--;
		return true;
	}

	WatchLoop.@Nullable Held holder(int key) {
		return (key < this.held.length) ? this.held[key] : null;
	}

	int heldCount() {
		return this.heldCount;
	}

}
