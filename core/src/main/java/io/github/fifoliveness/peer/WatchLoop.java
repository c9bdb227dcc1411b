package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.KernelEventHandler;
import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.posix.WriteEndResult;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@link PeerWatcher}'s thread: serves the kernel's events, polls, runs the
 * safety net and keeps the one budget of descriptors. Without an event set it only polls.
 */
final class WatchLoop implements KernelEventHandler {

	// A slice a second at the default 60 s, so no burst of probes holds up events.
	private static final int MAX_SAFETY_NET_SLICES = 60;

	private final List<WatchGroup> groups;

	private final @Nullable KernelEvents events;

	private final @Nullable FolderWatches folders;

	private final WatchSettings settings;

	private final WatchKeys keys;

	private final Logger logger;

	private final Runnable beforeEachWait;

	private final int slices;

	private @Nullable DescriptorBudget budget;

	WatchLoop(List<WatchGroup> groups, @Nullable KernelEvents events, WatchSettings settings, WatchKeys keys,
			Logger logger, Runnable beforeEachWait) {
		this.groups = groups;
		this.events = events;
		this.folders = (events != null) ? new FolderWatches(events) : null;
		this.settings = settings;
		this.keys = keys;
		keys.forgetHolders();
		this.logger = logger;
		this.beforeEachWait = beforeEachWait;
		int parts = groups.stream().mapToInt(WatchGroup::size).sum();
		this.slices = Math.max(1, Math.min(parts, MAX_SAFETY_NET_SLICES));
	}

	// The loop's first step, on its thread: the budget, then every group's first look.
	void start() throws PosixException {
		if (this.events != null) {
			this.budget = new DescriptorBudget(this.events, this.logger);
		}
		this.groups.forEach((group) -> safely(group, () -> group.start(this)));
	}

	void run(BooleanSupplier stopping) throws PosixException {
		start();
		Duration tick = this.settings.safetyNetInterval().dividedBy(this.slices);
		long nextPoll = later(System.nanoTime(), this.settings.pollInterval());
		long nextSafetyNet = later(System.nanoTime(), tick);
		while (!stopping.getAsBoolean()) {
			long now = System.nanoTime();
			if (now - nextPoll >= 0) {
				this.groups.forEach((group) -> safely(group, () -> group.poll(this)));
				nextPoll = later(System.nanoTime(), this.settings.pollInterval());
			}
			if (now - nextSafetyNet >= 0) {
				this.groups.forEach((group) -> safely(group, () -> group.safetyNet(this, this.slices)));
				nextSafetyNet = later(System.nanoTime(), tick);
			}
			this.beforeEachWait.run();
			await(timeoutMillis(System.nanoTime(), nextPoll, nextSafetyNet));
			this.groups.forEach((group) -> safely(group, () -> group.settle(this)));
		}
	}

	private void await(long timeoutMillis) throws PosixException {
		if (this.events != null) {
			this.events.await(timeoutMillis, this);
			return;
		}
		try {
			Thread.sleep((timeoutMillis < 0) ? Long.MAX_VALUE : timeoutMillis);
		}
		catch (InterruptedException ex) {
			// stop() uses its flag; a kept interrupt would end every sleep at once.
		}
	}

	// Something unexpected in one group must not end the following of every other.
	private void safely(WatchGroup group, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			this.logger.warn("Following " + group.describe() + " failed; it is looked at again at the next event or"
					+ " interval", ex);
		}
	}

	private long timeoutMillis(long now, long nextPoll, long nextSafetyNet) {
		long next = nextSafetyNet - now;
		for (WatchGroup group : this.groups) {
			if (group.isPolled()) {
				next = Math.min(next, nextPoll - now);
			}
			next = Math.min(next, group.due(now));
		}
		if (next > Long.MAX_VALUE / 2) {
			return -1;
		}
		// Rounded up, so that the deadline has passed when the wait ends.
		return Math.max(0, (next + 999_999) / 1_000_000);
	}

	static long later(long now, Duration interval) {
		return WatchSettings.isOff(interval) ? now + Long.MAX_VALUE : now + interval.toNanos();
	}

	// The caller closes the event set.
	void release() {
		this.groups.forEach((group) -> group.release(this));
	}

	boolean isWatching() {
		return this.events != null;
	}

	WatchSettings settings() {
		return this.settings;
	}

	Logger logger() {
		return this.logger;
	}

	WatchKeys keys() {
		return this.keys;
	}

	// Descriptors for a group's holds, set aside up front: all without an event set.
	long reserve(long wanted) {
		return (this.budget != null) ? this.budget.reserve(wanted) : wanted;
	}

	void unreserve(long count) {
		if (this.budget != null) {
			this.budget.unreserve(count);
		}
	}

	String describeBudget() {
		return (this.budget != null) ? this.budget.describe() : "unused";
	}

	/**
	 * Hold a live FIFO's write end, from the budget's leftover descriptors unless
	 * reserved; {@link Held#reported()} tells when its last reader goes.
	 * @return {@code null} when no descriptor is left (or no event set): probe instead
	 * @throws PosixException if a reader is present but the end cannot join the set
	 */
	@Nullable WriteEndResult holdWriteEnd(FifoPeerProbe probe, Held who, boolean reserved) throws PosixException {
		if (this.events == null || (!reserved && !this.budget.take(this.keys.heldCount()))) {
			return null;
		}
		WriteEndResult hold = null;
		try {
			hold = this.events.holdWriteEnd(probe.nativePath(), probe.owner().uid(), who.key());
			return hold;
		}
		finally {
			if (hold != null && hold.held() != null) {
				this.keys.hold(who);
			}
			else if (!reserved) {
				this.budget.giveBack();
			}
		}
	}

	// With a reserved descriptor.
	OpenFile watchProcess(int pid, Held who) throws PosixException {
		OpenFile watch = this.events.watchProcess(pid, who.key());
		this.keys.hold(who);
		return watch;
	}

	// Forget a hold that was closed; reserved as it was held.
	void released(Held who, boolean reserved) {
		if (this.keys.release(who) && !reserved) {
			this.budget.giveBack();
		}
	}

	// See FolderWatches.watch: name null for every name in the folder.
	void watchFolder(FolderWatches.Follower follower, Path folder, @Nullable String name) throws PosixException {
		this.folders.watch(follower, folder, name);
	}

	void unwatchFolder(FolderWatches.Follower follower) {
		if (this.folders != null) {
			this.folders.unwatch(follower);
		}
	}

	boolean watchesOwnFolder(FolderWatches.Follower follower) {
		return this.folders != null && this.folders.watchesOwnFolder(follower);
	}

	boolean isFolderStillAt(FolderWatches.Follower follower) {
		return this.folders != null && this.folders.isStillAt(follower);
	}

	@Override
	public void ready(int key) {
		Held who = this.keys.holder(key);
		if (who != null) {
			who.reported();
		}
	}

	@Override
	public void folderChanged(int watch, String name, FolderChange change) {
		this.folders.changed(watch, name, change);
	}

	@Override
	public void folderGone(int watch) {
		this.folders.gone(watch);
	}

	@Override
	public void folderAttributesChanged(int watch) {
		this.folders.attributesChanged(watch);
	}

	@Override
	public void eventsLost() {
		this.logger.warn("The kernel dropped folder events (its inotify queue overflowed): looking again at every"
				+ " peer that is down and every peer folder. Raise /proc/sys/fs/inotify/max_queued_events if this"
				+ " recurs.");
		this.groups.forEach((group) -> group.lookAgain(this));
	}

	// A folder watch may now sit on a folder the path no longer names, and a held end on
	// a FIFO the path no longer reaches (a lazy unmount leaves it working).
	@Override
	public void mountsChanged() {
		this.folders.moved();
		this.groups.forEach((group) -> group.lookAgain(this));
	}

	// A peer's or a member's write end or pidfd, held in the event set.
	interface Held {

		int key();

		// The last reader went, or the process exited.
		void reported();

	}

}
