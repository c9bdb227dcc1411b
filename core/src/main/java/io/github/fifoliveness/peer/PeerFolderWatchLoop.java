package io.github.fifoliveness.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.FolderWatch;
import io.github.fifoliveness.posix.KernelEventHandler;
import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.PosixException;
import io.github.fifoliveness.posix.WriteEndHold;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@link PeerFolderWatcher}'s thread: watches each folder with inotify (or
 * its nearest existing ancestor while it is missing), holds the write end of every live
 * member in the epoll set, probes exactly the names the kernel reports, and rescans each
 * folder every safety-net interval. Without an event set, every folder is rescanned every
 * poll interval instead. Everything here runs on that one thread.
 */
final class PeerFolderWatchLoop implements KernelEventHandler, MemberHolds {

	// Bounds the walk down when folders keep appearing and vanishing under it.
	private static final int MAX_MOVES = 64;

	private final List<WatchedPeerFolder> folders;

	private final @Nullable KernelEvents events;

	private final Duration pollInterval;

	private final Duration safetyNetInterval;

	private final Logger logger;

	private final Map<Integer, List<Armed>> watches = new HashMap<>();

	private final Map<WatchedPeerFolder, Armed> armed = new HashMap<>();

	private final Map<Integer, PeerFolderMember> byKey = new HashMap<>();

	private final Set<WatchedPeerFolder> rearm = new LinkedHashSet<>();

	private final IntSupplier keys;

	// Folders that cannot be watched, said once each.
	private final Set<WatchedPeerFolder> unwatchable = new HashSet<>();

	private long held;

	private long budget = Long.MAX_VALUE;

	private boolean budgetWarned;

	private long nextPoll;

	private long nextSafetyNet;

	PeerFolderWatchLoop(List<WatchedPeerFolder> folders, @Nullable KernelEvents events, Duration pollInterval,
			Duration safetyNetInterval, IntSupplier keys, Logger logger) {
		this.folders = folders;
		this.keys = keys;
		this.events = events;
		this.pollInterval = pollInterval;
		this.safetyNetInterval = safetyNetInterval;
		this.logger = logger;
	}

	/**
	 * Run until told to stop.
	 * @param stopping tells when to stop
	 * @throws PosixException if waiting for events fails
	 */
	void run(BooleanSupplier stopping) throws PosixException {
		if (this.events != null) {
			this.budget = budget(this.events.openFileLimit(), 0);
			this.folders.forEach(this::arm);
		}
		this.folders.forEach((folder) -> safely(folder, () -> folder.start(this)));
		long now = System.nanoTime();
		this.nextPoll = later(now, this.pollInterval);
		this.nextSafetyNet = later(now, this.safetyNetInterval);
		while (!stopping.getAsBoolean()) {
			WatchThread.await(this.events, timeoutMillis(System.nanoTime()), this);
			now = System.nanoTime();
			if (now - this.nextSafetyNet >= 0) {
				this.folders.forEach((folder) -> {
					folder.mustRescan();
					// A folder renamed away, or a link pointed elsewhere, keeps
					// the old watch.
					Armed armed = this.armed.get(folder);
					if (this.events != null && (armed == null || !this.events.isStillAt(armed.watch()))) {
						this.rearm.add(folder);
					}
				});
				this.nextSafetyNet = later(now, this.safetyNetInterval);
			}
			if (now - this.nextPoll >= 0) {
				poll();
				this.nextPoll = later(now, this.pollInterval);
			}
			this.rearm.forEach((folder) -> safely(folder, () -> {
				arm(folder);
				folder.mustRescan();
			}));
			this.rearm.clear();
			// Every folder, as arrivals and held-back DOWNs come due without an event.
			this.folders.forEach((folder) -> safely(folder, () -> {
				folder.settle(this);
				folder.tracker().tick();
				folder.tickStartupGrace();
				folder.tickLines();
			}));
		}
	}

	// Folders not watched are rescanned; live members not held are probed.
	private void poll() {
		for (WatchedPeerFolder folder : this.folders) {
			if (this.events == null || !this.armed.containsKey(folder)) {
				folder.mustRescan();
			}
			else {
				safely(folder, () -> folder.pollUnheld(this));
			}
		}
	}

	// Something unexpected in one folder must not end the following of every folder.
	private void safely(WatchedPeerFolder folder, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			this.logger.warn("Following peer folder '" + folder.folder().name() + "' failed; it is looked at again"
					+ " at the next event or interval", ex);
		}
	}

	private long timeoutMillis(long now) {
		long next = Math.min(this.nextPoll - now, this.nextSafetyNet - now);
		for (WatchedPeerFolder folder : this.folders) {
			if (folder.hasWork()) {
				return 0;
			}
			next = Math.min(next, due(folder.arrivalDue(), now));
			next = Math.min(next, due(folder.linesDue(), now));
			next = Math.min(next, due(folder.startupGraceDue(), now));
			if (folder.tracker().isWaiting()) {
				next = Math.min(next, folder.tracker().due() - now);
			}
		}
		if (next > Long.MAX_VALUE / 2) {
			return -1;
		}
		return Math.max(0, (next + 999_999) / 1_000_000);
	}

	private static long due(Optional<Long> due, long now) {
		return due.map((at) -> at - now).orElse(Long.MAX_VALUE);
	}

	private static long later(long now, Duration interval) {
		return (interval.isZero() || interval.isNegative()) ? now + Long.MAX_VALUE : now + interval.toNanos();
	}

	/**
	 * Release everything held and watched; the caller closes the event set.
	 */
	void release() {
		this.folders.forEach((folder) -> folder.release(this));
	}

	// Watches the folder, or while it is missing its nearest existing ancestor, for the
	// next folder down to appear.
	private void arm(WatchedPeerFolder folder) {
		for (int move = 0; move < MAX_MOVES; move++) {
			unarm(folder);
			Path path = folder.folder().path();
			String child = null;
			while (!this.armed.containsKey(folder)) {
				try {
					FolderWatch watch = this.events.watchFolder(path);
					Armed armed = new Armed(folder, watch, child);
					this.armed.put(folder, armed);
					this.watches.computeIfAbsent(watch.id(), (id) -> new ArrayList<>(1)).add(armed);
				}
				catch (PosixException ex) {
					boolean absent = ex.isMissing() || "ENOTDIR".equals(ex.getErrorName());
					if (!absent || path.getParent() == null) {
						if (this.unwatchable.add(folder)) {
							this.logger.warn(
									"Peer folder '" + folder.folder().name() + "' cannot be watched (" + ex.getMessage()
											+ "): it is rescanned every " + describe(this.pollInterval) + " instead");
						}
						return;
					}
					child = path.getFileName().toString();
					path = path.getParent();
				}
			}
			// The next folder down may have appeared before the watch: then
			// watch it instead.
			if (child == null || !Files.isDirectory(path.resolve(child))) {
				return;
			}
		}
	}

	private void unarm(WatchedPeerFolder folder) {
		Armed armed = this.armed.remove(folder);
		if (armed == null) {
			return;
		}
		List<Armed> sharing = this.watches.get(armed.watch().id());
		if (sharing != null && sharing.remove(armed) && sharing.isEmpty()) {
			this.watches.remove(armed.watch().id());
			this.events.unwatch(armed.watch());
		}
	}

	@Override
	public int newKey() {
		return this.keys.getAsInt();
	}

	private static String describe(Duration interval) {
		return (interval.isZero() || interval.isNegative())
				? "safety-net interval ('fifo-liveness.monitor.poll-interval' is " + interval + ")"
				: interval.toMillis() + " ms ('fifo-liveness.monitor.poll-interval')";
	}

	@Override
	public ProbeResult probe(PeerFolderMember member) {
		release(member);
		FifoPeerProbe probe = member.probe();
		if (this.events == null || !withinBudget()) {
			return probe.probe();
		}
		try {
			WriteEndHold hold = this.events.holdWriteEnd(probe.nativePath(), probe.owner().uid(), member.key());
			if (hold.held() != null) {
				member.held(hold.held());
				this.byKey.put(member.key(), member);
				this.held++;
			}
			return probe.resultOf(hold.result());
		}
		catch (PosixException ex) {
			// Alive, but its end cannot join the set: probed every poll interval instead.
			return ProbeResult.ALIVE;
		}
	}

	@Override
	public void release(PeerFolderMember member) {
		if (member.release()) {
			this.byKey.remove(member.key());
			this.held--;
		}
	}

	// Every held member takes a descriptor; a quarter of the limit stays for the rest of
	// the application. Counted again when the budget runs out, as other descriptors come
	// and go.
	private boolean withinBudget() {
		if (this.held < this.budget) {
			return true;
		}
		try {
			this.budget = budget(this.events.openFileLimit(), this.held);
		}
		catch (PosixException ex) {
			return false;
		}
		if (this.held < this.budget) {
			return true;
		}
		if (!this.budgetWarned) {
			this.budgetWarned = true;
			this.logger.warn("Peer folders hold " + this.held + " write ends, what the limit on open files"
					+ " (RLIMIT_NOFILE) leaves for them: further live members are probed every poll interval"
					+ " ('fifo-liveness.monitor.poll-interval') instead of watched. Raise the limit ('ulimit -n', or"
					+ " LimitNOFILE= in a systemd unit) to watch them all.");
		}
		return false;
	}

	private static long budget(long limit, long heldNow) {
		return PeerWatchPlan.budget(limit, PeerWatchPlan.openDescriptors() - heldNow);
	}

	@Override
	public void ready(int key) {
		PeerFolderMember member = this.byKey.get(key);
		if (member != null) {
			member.folder().readerGone(member);
		}
	}

	@Override
	public void folderChanged(int watch, String name, FolderChange change) {
		for (Armed armed : this.watches.getOrDefault(watch, List.of())) {
			if (armed.child() == null) {
				armed.folder().changed(name, change);
			}
			else if (armed.child().equals(name)) {
				this.rearm.add(armed.folder());
			}
		}
	}

	@Override
	public void folderGone(int watch) {
		List<Armed> gone = this.watches.remove(watch);
		if (gone == null) {
			return;
		}
		for (Armed armed : gone) {
			this.armed.remove(armed.folder());
			this.rearm.add(armed.folder());
		}
		// A moved folder keeps its watch: remove it (a deleted one's is gone already).
		this.events.unwatch(gone.get(0).watch());
	}

	@Override
	public void eventsLost() {
		this.logger.warn("The kernel dropped folder events (its inotify queue overflowed): rescanning every peer"
				+ " folder. Raise /proc/sys/fs/inotify/max_queued_events if this recurs.");
		this.folders.forEach(WatchedPeerFolder::mustRescan);
	}

	@Override
	public void mountsChanged() {
		for (WatchedPeerFolder folder : this.folders) {
			Armed armed = this.armed.get(folder);
			if (armed == null || !this.events.isStillAt(armed.watch())) {
				this.rearm.add(folder);
			}
			folder.mustRescan();
		}
	}

	/**
	 * A folder's watch: on the folder itself, or on an ancestor for the next folder down.
	 *
	 * @param folder the peer folder
	 * @param watch the watch
	 * @param child the name of the next folder down, {@code null} on the folder itself
	 */
	private record Armed(WatchedPeerFolder folder, FolderWatch watch, @Nullable String child) {

	}

}
