package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.github.fifoliveness.posix.FolderChange;
import io.github.fifoliveness.posix.KernelEventHandler;
import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.PosixException;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@link PeerWatcher}'s thread: arms every peer, then waits for the kernel's
 * events and probes again exactly the peers they concern, polls the peers that cannot be
 * watched, and runs the safety net over the watched ones. Everything here runs on that
 * one thread.
 */
final class PeerWatchLoop implements KernelEventHandler {

	// A slice a second with the default 60 s: no burst of probes that would hold up
	// events.
	private static final int MAX_SAFETY_NET_SLICES = 60;

	private final List<WatchedPeer> peers;

	private final @Nullable KernelEvents events;

	private final @Nullable FolderWatches folders;

	private final PeerStatusTracker tracker;

	private final Duration pollInterval;

	// The safety net checks a slice of the peers each tick, every peer once per interval.
	private final Duration safetyNetTick;

	private final int safetyNetSlice;

	private final Logger logger;

	private final Runnable beforeEachWait;

	private final Map<String, PeerProbe> polled = new LinkedHashMap<>();

	private final List<WatchedPeer> touched = new ArrayList<>();

	private long nextPoll;

	private long nextSafetyNet;

	private int safetyNetCursor;

	PeerWatchLoop(List<WatchedPeer> peers, @Nullable KernelEvents events, PeerStatusTracker tracker,
			Duration pollInterval, Duration safetyNetInterval, Logger logger, Runnable beforeEachWait) {
		this.peers = peers;
		this.events = events;
		this.folders = (events != null) ? new FolderWatches(events) : null;
		this.tracker = tracker;
		this.pollInterval = pollInterval;
		int slices = Math.max(1, Math.min(peers.size(), MAX_SAFETY_NET_SLICES));
		this.safetyNetTick = safetyNetInterval.dividedBy(slices);
		this.safetyNetSlice = (peers.size() + slices - 1) / slices;
		this.logger = logger;
		this.beforeEachWait = beforeEachWait;
	}

	/**
	 * Poll a peer from now on instead of watching it.
	 * @param peer the peer
	 * @param reason why, for the log; {@code null} when the caller says it
	 */
	void poll(WatchedPeer peer, @Nullable String reason) {
		if (this.polled.containsKey(peer.name())) {
			return;
		}
		peer.watched(false);
		if (this.folders != null) {
			this.folders.unwatch(peer);
		}
		peer.release();
		this.polled.put(peer.name(), peer.probe());
		if (reason != null) {
			this.logger.info("Peer '" + peer.name() + "' is " + describePolling() + " instead of watched: " + reason);
		}
	}

	/**
	 * Say how peers that are not watched are probed.
	 * @return such as "probed every 1000 ms"
	 */
	String describePolling() {
		return (this.pollInterval.isZero() || this.pollInterval.isNegative())
				? "not probed in the background ('fifo-liveness.monitor.poll-interval' is " + this.pollInterval + ")"
				: "probed every " + this.pollInterval.toMillis() + " ms ('fifo-liveness.monitor.poll-interval')";
	}

	/**
	 * Run until told to stop: arm every watched peer, then serve events, polls and the
	 * safety net.
	 * @param stopping tells when to stop
	 * @throws PosixException if waiting for events fails
	 */
	void run(BooleanSupplier stopping) throws PosixException {
		long now = System.nanoTime();
		this.nextPoll = now;
		this.nextSafetyNet = later(now, this.safetyNetTick);
		for (WatchedPeer peer : this.peers) {
			if (!this.polled.containsKey(peer.name())) {
				peer.watched(true);
				probeSafely(peer);
			}
		}
		while (!stopping.getAsBoolean()) {
			now = System.nanoTime();
			if (now - this.nextPoll >= 0) {
				pollSafely();
				this.nextPoll = later(System.nanoTime(), this.pollInterval);
			}
			if (now - this.nextSafetyNet >= 0) {
				safetyNet();
				this.nextSafetyNet = later(System.nanoTime(), this.safetyNetTick);
			}
			this.beforeEachWait.run();
			WatchThread.await(this.events, timeoutMillis(System.nanoTime()), this);
			settle();
			tickSafely();
		}
	}

	/**
	 * Release everything held and watched; the caller closes the event set.
	 */
	void release() {
		this.peers.forEach(WatchedPeer::release);
	}

	private void settle() {
		for (WatchedPeer peer : this.touched) {
			if (peer.settle() && !this.polled.containsKey(peer.name())) {
				probeSafely(peer);
			}
		}
		this.touched.clear();
	}

	// A listener that throws must not end the watching of every peer.
	private void probeSafely(WatchedPeer peer) {
		try {
			probe(peer);
		}
		catch (RuntimeException ex) {
			this.logger.warn("Probing peer '" + peer.name() + "' or publishing its change failed", ex);
		}
	}

	// Held-back DOWNs and the lines of flapping peers, due by the tracker's clock.
	private void tickSafely() {
		try {
			this.tracker.tick();
		}
		catch (RuntimeException ex) {
			this.logger.warn("Publishing a held-back change failed", ex);
		}
	}

	private void pollSafely() {
		try {
			this.tracker.probeRound(this.polled, this.pollInterval);
		}
		catch (RuntimeException ex) {
			this.logger.warn("Polling peers failed", ex);
		}
	}

	// The watch goes in before the probe that finds the peer down, so that nothing is
	// missed in between.
	private void probe(WatchedPeer peer) {
		peer.release();
		try {
			ProbeResult result = null;
			if (peer.interest() == null || !peer.interest().inFolder()) {
				result = probeAndHold(peer);
				if (!result.alive()) {
					this.folders.watch(peer);
					result = null;
				}
			}
			if (result == null) {
				result = probeAndHold(peer);
			}
			record(peer, result);
			// After the event, which need not wait for inotify to let go of a folder.
			if (peer.isHeld()) {
				this.folders.unwatch(peer);
			}
		}
		catch (PosixException ex) {
			poll(peer, ex.getMessage());
			record(peer, peer.probe().probe());
		}
	}

	private ProbeResult probeAndHold(WatchedPeer peer) throws PosixException {
		ProbeResult result = peer.probeAndHold(this.events);
		// Alive but not held: a PID file rewritten between two reads. Look again, a few
		// times.
		for (int attempt = 0; result.alive() && !peer.isHeld() && attempt < 3; attempt++) {
			result = peer.probeAndHold(this.events);
		}
		if (result.alive() && !peer.isHeld()) {
			poll(peer, "its PID file keeps changing");
		}
		return result;
	}

	private void record(WatchedPeer peer, ProbeResult result) {
		peer.last(result);
		this.tracker.record(peer.name(), result);
	}

	// One slice of the peers, round-robin; hot code, so compiled, unlike a burst once a
	// minute.
	private void safetyNet() {
		for (int i = 0; i < this.safetyNetSlice; i++) {
			WatchedPeer peer = this.peers.get(this.safetyNetCursor);
			this.safetyNetCursor = (this.safetyNetCursor + 1) % this.peers.size();
			if (!this.polled.containsKey(peer.name()) && (!peer.isHeld() || !peer.isStillHeld())) {
				probeSafely(peer);
			}
		}
	}

	private long timeoutMillis(long now) {
		long next = Math.min(this.polled.isEmpty() ? Long.MAX_VALUE : this.nextPoll - now, this.nextSafetyNet - now);
		if (this.tracker.isWaiting()) {
			next = Math.min(next, this.tracker.due() - now);
		}
		if (next > Long.MAX_VALUE / 2) {
			return -1;
		}
		// Rounded up, so that the deadline has passed when the wait ends.
		return Math.max(0, (next + 999_999) / 1_000_000);
	}

	private static long later(long now, Duration interval) {
		return (interval.isZero() || interval.isNegative()) ? now + Long.MAX_VALUE : now + interval.toNanos();
	}

	@Override
	public void ready(int key) {
		if (key >= 0 && key < this.peers.size()) {
			WatchedPeer peer = this.peers.get(key);
			touch(peer);
			peer.mustProbe();
		}
	}

	@Override
	public void folderChanged(int watch, String name, FolderChange change) {
		for (WatchedPeer peer : this.folders.interested(watch, name)) {
			touch(peer);
			if (!peer.interest().inFolder()) {
				// A folder on the way to the peer's appeared or changed: watch further
				// down.
				peer.mustProbe();
			}
			else if (!peer.isHeld()) {
				peer.fileChanged(change);
			}
		}
	}

	@Override
	public void folderGone(int watch) {
		for (WatchedPeer peer : this.folders.gone(watch)) {
			touch(peer);
			peer.mustProbe();
		}
	}

	@Override
	public void eventsLost() {
		this.logger.warn("The kernel dropped folder events (its inotify queue overflowed): probing every peer that is"
				+ " down again. Raise /proc/sys/fs/inotify/max_queued_events if this recurs.");
		for (WatchedPeer peer : this.peers) {
			if (!peer.isHeld()) {
				touch(peer);
				peer.mustProbe();
			}
		}
	}

	/**
	 * Something was mounted or unmounted: a folder watch may now sit on a folder the path
	 * no longer names, and a held end on a FIFO the path no longer reaches (a lazy
	 * unmount leaves it working). So watch moved folders again, and look at every peer by
	 * path, as the safety net does.
	 */
	@Override
	public void mountsChanged() {
		for (WatchedPeer peer : this.folders.moved()) {
			touch(peer);
			peer.mustProbe();
		}
		for (WatchedPeer peer : this.peers) {
			if (!this.polled.containsKey(peer.name()) && (!peer.isHeld() || !peer.isStillHeld())) {
				touch(peer);
				peer.mustProbe();
			}
		}
	}

	private void touch(WatchedPeer peer) {
		if (peer.touch()) {
			this.touched.add(peer);
		}
	}

}
