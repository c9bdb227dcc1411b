package io.github.fifoliveness.peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import io.github.fifoliveness.posix.PosixException;
import org.jspecify.annotations.Nullable;

/**
 * The configured peers as {@link WatchLoop} serves them: live ones hold what reports
 * their death, down ones watch their folder, the rest are polled.
 */
final class WatchedPeers implements WatchGroup {

	private final List<WatchedPeer> peers = new ArrayList<>();

	// Read by health requests and metrics scrapes; a plain map, as only get is used.
	private final Map<String, WatchedPeer> byName = new HashMap<>();

	private final PeerStatusTracker tracker;

	private final ProbeRounds rounds;

	private final Map<String, PeerProbe> polled = new LinkedHashMap<>();

	private final List<WatchedPeer> touched = new ArrayList<>();

	// Polled since a watch failed (a folder it could not read): tried again by the safety
	// net.
	private final Set<String> fellBack = new HashSet<>();

	// Peers a probe made elsewhere found otherwise than the watcher last did: from any
	// thread.
	private final Set<String> askedToProbe = ConcurrentHashMap.newKeySet();

	private int safetyNetCursor;

	private int safetyNetTick;

	// The configured probe says what to watch; the recorded one makes the probes.
	WatchedPeers(Peers peers, PeerStatusTracker tracker, IntSupplier keys) {
		peers.configuredProbes().forEach((name, probe) -> {
			WatchedPeer peer = probe.watchTarget().watchedPeer(this, name, keys.getAsInt(), peers.probes().get(name));
			this.peers.add(peer);
			this.byName.put(name, peer);
		});
		this.tracker = tracker;
		this.rounds = new ProbeRounds(tracker);
	}

	// Safe from any thread.
	boolean isWatched(String name) {
		WatchedPeer peer = this.byName.get(name);
		return peer != null && peer.isWatched();
	}

	// Each live peer watched holds a descriptor, so those beyond the budget are polled.
	@Override
	public void start(WatchLoop loop) {
		this.polled.clear();
		this.fellBack.clear();
		if (!loop.isWatching()) {
			this.peers.forEach((peer) -> poll(loop, peer, null));
		}
		List<WatchedPeer> watchable = new ArrayList<>();
		for (WatchedPeer peer : this.peers) {
			if (!peer.isWatchable()) {
				poll(loop, peer, "its probe has no watch target (PeerProbe.watchTarget())");
			}
			else if (!this.polled.containsKey(peer.name())) {
				watchable.add(peer);
			}
		}
		long granted = loop.reserve(watchable.size());
		if (watchable.size() > granted) {
			loop.logger()
				.warn("Watching " + watchable.size() + " peers takes up to one descriptor each, but the limit on open"
						+ " files (RLIMIT_NOFILE) is " + loop.describeBudget() + ": watching " + granted
						+ " of them and probing the other " + (watchable.size() - granted)
						+ " every poll interval. Raise the limit ('ulimit -n', or LimitNOFILE= in a systemd unit) to"
						+ " watch them all.");
			watchable.subList((int) granted, watchable.size()).forEach((peer) -> poll(loop, peer, null));
		}
		for (WatchedPeer peer : this.peers) {
			if (!this.polled.containsKey(peer.name())) {
				peer.watched(true);
				probeSafely(loop, peer);
			}
		}
		// One round at the start, as a watcher that can poll makes.
		if (loop.settings().watch() || !WatchSettings.isOff(loop.settings().pollInterval())) {
			poll(loop);
		}
	}

	// The reason is for the log, null when the caller says it.
	private void poll(WatchLoop loop, WatchedPeer peer, @Nullable String reason) {
		if (this.polled.containsKey(peer.name())) {
			return;
		}
		if (peer.isWatched()) {
			// Watched peers had a descriptor reserved: folder members may use it now.
			loop.unreserve(1);
		}
		peer.watched(false);
		loop.unwatchFolder(peer);
		peer.release(loop);
		this.polled.put(peer.name(), peer.probe());
		if (reason != null) {
			loop.logger()
				.info("Peer '" + peer.name() + "' is " + loop.settings().describePolling() + " instead of watched: "
						+ reason);
		}
	}

	@Override
	public boolean isPolled() {
		return !this.polled.isEmpty();
	}

	@Override
	public void poll(WatchLoop loop) {
		if (!this.polled.isEmpty()) {
			this.rounds.probe(this.polled, loop.settings().pollInterval());
		}
	}

	// An even share each tick: hot code, so compiled, unlike a burst once a minute.
	@Override
	public void safetyNet(WatchLoop loop, int slices) {
		int size = this.peers.size();
		int tick = this.safetyNetTick;
		this.safetyNetTick = (tick + 1) % slices;
		int share = (int) ((long) size * (tick + 1) / slices - (long) size * tick / slices);
		for (int i = 0; i < share; i++) {
			WatchedPeer peer = this.peers.get(this.safetyNetCursor);
			this.safetyNetCursor = (this.safetyNetCursor + 1) % size;
			if (this.fellBack.contains(peer.name())) {
				watchAgain(loop, peer);
			}
			else if (!this.polled.containsKey(peer.name()) && (!peer.isHeld() || !peer.isStillHeld())) {
				probeSafely(loop, peer);
			}
		}
	}

	// As a peer folder is armed again: a folder may become readable again.
	private void watchAgain(WatchLoop loop, WatchedPeer peer) {
		if (loop.reserve(1) == 0) {
			return;
		}
		this.polled.remove(peer.name());
		peer.watched(true);
		probeSafely(loop, peer);
		if (!this.polled.containsKey(peer.name())) {
			this.fellBack.remove(peer.name());
			loop.logger().info("Peer '" + peer.name() + "' is watched again");
		}
	}

	@Override
	public void lookAgain(WatchLoop loop) {
		for (WatchedPeer peer : this.peers) {
			if (!this.polled.containsKey(peer.name()) && (!peer.isHeld() || !peer.isStillHeld())) {
				peer.mustProbe();
			}
		}
	}

	@Override
	public long due(long now) {
		return this.tracker.isWaiting() ? this.tracker.due() - now : Long.MAX_VALUE;
	}

	// From any thread; the caller wakes the loop.
	void askToProbe(String name) {
		this.askedToProbe.add(name);
	}

	@Override
	public void settle(WatchLoop loop) {
		// Empty nearly always: no iterator on every turn of the loop.
		if (!this.askedToProbe.isEmpty()) {
			for (String name : this.askedToProbe) {
				this.askedToProbe.remove(name);
				this.byName.get(name).mustProbe();
			}
		}
		for (WatchedPeer peer : this.touched) {
			if (peer.settle() && !this.polled.containsKey(peer.name())) {
				probeSafely(loop, peer);
			}
		}
		this.touched.clear();
		// Held-back DOWNs and the lines of flapping peers, due by the tracker's clock.
		this.tracker.tick();
	}

	@Override
	public void release(WatchLoop loop) {
		this.peers.forEach((peer) -> {
			peer.release(loop);
			peer.watched(false);
		});
	}

	@Override
	public int size() {
		return this.peers.size();
	}

	@Override
	public String describe() {
		return "the peers";
	}

	void touched(WatchedPeer peer) {
		this.touched.add(peer);
	}

	// A listener that throws must not end the watching of every peer.
	private void probeSafely(WatchLoop loop, WatchedPeer peer) {
		try {
			probe(loop, peer);
		}
		catch (RuntimeException ex) {
			loop.logger().warn("Probing peer '" + peer.name() + "' or publishing its change failed", ex);
		}
	}

	// The watch goes in before the probe that finds the peer down, so nothing is missed.
	private void probe(WatchLoop loop, WatchedPeer peer) {
		peer.release(loop);
		try {
			ProbeResult result = null;
			if (!loop.watchesOwnFolder(peer)) {
				result = probeAndHold(loop, peer);
				if (!result.alive()) {
					loop.watchFolder(peer, peer.file().getParent(), peer.file().getFileName().toString());
					result = null;
				}
			}
			if (result == null) {
				result = probeAndHold(loop, peer);
			}
			record(peer, result);
			// After the event, which need not wait for inotify to let go of a folder.
			if (peer.isHeld()) {
				loop.unwatchFolder(peer);
			}
		}
		catch (PosixException ex) {
			// Told once, not at each safety net that tries again in vain.
			boolean first = this.fellBack.add(peer.name());
			poll(loop, peer, first ? ex.getMessage() + loop.settings().describeRetry() : null);
			record(peer, peer.probe().probe());
		}
	}

	private ProbeResult probeAndHold(WatchLoop loop, WatchedPeer peer) throws PosixException {
		ProbeResult result = peer.probeAndHold(loop);
		// Alive but not held: a PID file rewritten between two reads.
		for (int attempt = 0; result.alive() && !peer.isHeld() && attempt < 3; attempt++) {
			result = peer.probeAndHold(loop);
		}
		if (result.alive() && !peer.isHeld()) {
			poll(loop, peer, this.fellBack.contains(peer.name()) ? null : "its PID file keeps changing");
		}
		return result;
	}

	private void record(WatchedPeer peer, ProbeResult result) {
		peer.last(result);
		this.tracker.record(peer.name(), result);
	}

}
