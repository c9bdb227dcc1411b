package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.KernelEventsUnavailableException;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.PosixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Follows peers and {@link PeerFolder peer folders} on a thread of its own, telling
 * listeners of each change within milliseconds of the kernel's notice. A live FIFO's held
 * write end reports when its last reader goes ({@code EPOLLERR}), a live PID-file peer's
 * pidfd when its process exits, and inotify when folders change; an event only makes the
 * watcher probe again by path. What cannot be watched is polled, as is everything once
 * watching fails.
 */
public class PeerWatcher {

	private static final Logger logger = LoggerFactory.getLogger(PeerWatcher.class);

	// The default of 'fifo-liveness.monitor.poll-interval', for falling back to polling.
	private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

	private final NativePosix posix;

	private final WatchSettings settings;

	private final PeerStatusTracker tracker;

	private final @Nullable WatchedPeers peers;

	private final Map<String, WatchedPeerFolder> folders = new LinkedHashMap<>();

	private final WatchThread thread = new WatchThread("fifo-liveness-peer-watch");

	private volatile boolean watching;

	// Whether the thread keeps the folders' reports current: watched, or rescanned.
	private volatile boolean following;

	private Runnable beforeEachWait = () -> {
	};

	private final WatchKeys keys = new WatchKeys();

	/**
	 * Create a watcher of peers only, whose listener is told on its thread.
	 * @param pollInterval how often to probe the peers that cannot be watched; zero never
	 * probes them
	 * @param safetyNetInterval how often to probe the watched peers anyway; zero never
	 * does
	 * @throws IllegalArgumentException if an interval is negative
	 */
	public PeerWatcher(Peers peers, Duration pollInterval, Duration safetyNetInterval, PeerStatusListener listener,
			NativePosix posix) {
		this(peers, List.of(), new WatchSettings(true, pollInterval, safetyNetInterval), listener, (change) -> {
		}, posix);
	}

	/**
	 * Create a watcher of peers and peer folders; listeners are told on its thread.
	 */
	public PeerWatcher(Peers peers, List<PeerFolder> folders, WatchSettings settings, PeerStatusListener listener,
			PeerFolderListener folderListener, NativePosix posix) {
		this.posix = posix;
		this.settings = settings;
		this.tracker = new PeerStatusTracker(logger, listener, peers, System::nanoTime);
		this.peers = peers.configuredProbes().isEmpty() ? null : new WatchedPeers(peers, this.tracker, this.keys::take);
		folders.forEach((folder) -> this.folders.put(folder.name(),
				new WatchedPeerFolder(folder, this.folders.size(), logger, folderListener, posix, System::nanoTime)));
	}

	/**
	 * Whether a peer is watched through the kernel's events rather than polled.
	 */
	public boolean isWatched(String peer) {
		return this.peers != null && this.peers.isWatched(peer);
	}

	/**
	 * Return a watched peer's latest result, with no probe made.
	 * @return empty when the peer is not watched or not probed yet
	 */
	public Optional<ProbeResult> watchedResult(String peer) {
		return isWatched(peer) ? Optional.ofNullable(this.tracker.last(peer)) : Optional.empty();
	}

	/**
	 * Whether the kernel's events are used, rather than polling only.
	 */
	public boolean isWatched() {
		return this.watching;
	}

	/**
	 * Whether a peer folder is watched through the kernel's events rather than rescanned.
	 * @throws IllegalArgumentException for a folder not followed by this watcher
	 */
	public boolean isFolderWatched(String folder) {
		return this.watching && this.following && followed(folder).isArmed();
	}

	/**
	 * Return the peer folders followed, in configuration order.
	 */
	public List<PeerFolder> folders() {
		return this.folders.values().stream().map(WatchedPeerFolder::folder).toList();
	}

	/**
	 * Tell the watcher what a probe made elsewhere, such as a health request, found. A
	 * change further up a watched peer's path (a link on the way pointed elsewhere) sends
	 * its watch no event: where the result differs from the last the watcher found (UP or
	 * DOWN, or the reason), the watcher probes the peer again at once.
	 */
	public void probed(String peer, ProbeResult result) {
		WatchedPeers peers = this.peers;
		ProbeResult last = this.tracker.last(peer);
		if (peers != null && this.following && peers.isWatched(peer) && last != null
				&& (last.alive() != result.alive() || last.reason() != result.reason())) {
			peers.askToProbe(peer);
			this.thread.wake();
		}
	}

	/**
	 * Return how many of a folder's live members are probed every poll interval rather
	 * than watched, for want of a descriptor to hold their write ends.
	 * @throws IllegalArgumentException for a folder not followed by this watcher
	 */
	public int polledMembers(String folder) {
		WatchedPeerFolder watched = followed(folder);
		return (this.following && this.watching) ? watched.publications().polled() : 0;
	}

	/**
	 * Return a folder's state, as last seen while this watcher follows it and the path
	 * still leads to that folder, else as a scan finds it now, with its start-up grace
	 * applied. A request that finds another folder at the path makes the watcher look
	 * again.
	 * @throws IllegalArgumentException for a folder not followed by this watcher
	 */
	public PeerFolderReport report(String folder) {
		WatchedPeerFolder watched = followed(folder);
		FolderPublications published = watched.publications();
		boolean current = this.following && published.isReported();
		if (current && !published.isStillAtPath()) {
			watched.askToLookAgain();
			this.thread.wake();
			current = false;
		}
		return published
			.withStartupGrace(current ? published.report() : PeerFolderScan.scan(watched.folder(), this.posix));
	}

	private WatchedPeerFolder followed(String folder) {
		WatchedPeerFolder watched = this.folders.get(folder);
		if (watched == null) {
			throw new IllegalArgumentException("No peer folder named '" + folder + "'");
		}
		return watched;
	}

	// Runs before each wait for events: the seam through which tests make the loop fail.
	void beforeEachWait(Runnable hook) {
		this.beforeEachWait = hook;
	}

	/**
	 * Return how this watcher follows.
	 */
	public WatchSettings settings() {
		return this.settings;
	}

	/**
	 * Start following, unless there is nothing to follow or watching and polling are off.
	 */
	public void start() {
		boolean idle = !this.settings.watch() && WatchSettings.isOff(this.settings.pollInterval());
		if (!idle && (this.peers != null || !this.folders.isEmpty())) {
			this.thread.start(this::run);
		}
	}

	/**
	 * Stop following. A thread held up by a listener ends once that returns, and a
	 * {@link #start()} meanwhile waits for it.
	 */
	public void stop() {
		if (!this.thread.stop()) {
			logger.warn("The peer watcher did not stop within a second, most likely held up by a listener; it stops"
					+ " and closes its descriptors once that returns, and a start before then waits for that");
		}
	}

	/**
	 * Whether started and not stopped.
	 */
	public boolean isRunning() {
		return this.thread.isRunning();
	}

	private void run() {
		KernelEvents events = null;
		if (this.settings.watch()) {
			try {
				events = KernelEvents.open(this.posix);
				events.whyMountsUnfollowed()
					.ifPresent((reason) -> logger.info("Mount changes are not followed (" + reason + "): a peer"
							+ " folder mounted again is watched again only by the safety net"
							+ " ('fifo-liveness.monitor.watch.safety-net-interval')"));
			}
			catch (KernelEventsUnavailableException ex) {
				logger.info("Peers and peer folders are " + this.settings.describePolling() + " instead of watched: "
						+ ex.getMessage());
			}
		}
		Exception failure = run(events, this.settings, this.beforeEachWait);
		if (failure != null && !this.thread.isStopping()) {
			pollInstead(failure);
		}
	}

	private @Nullable Exception run(@Nullable KernelEvents events, WatchSettings settings, Runnable beforeEachWait) {
		List<WatchGroup> groups = new ArrayList<>();
		if (this.peers != null) {
			groups.add(this.peers);
		}
		groups.addAll(this.folders.values());
		WatchLoop loop = new WatchLoop(groups, events, settings, this.keys, logger, beforeEachWait);
		try {
			this.thread.events(events);
			this.watching = events != null;
			this.following = this.watching || !WatchSettings.isOff(settings.pollInterval());
			loop.run(this.thread::isStopping);
			return null;
		}
		catch (PosixException | RuntimeException ex) {
			return ex;
		}
		finally {
			this.watching = false;
			this.following = false;
			loop.release();
			if (events != null) {
				events.close();
			}
		}
	}

	// Events late are better than none: the trackers still know every status.
	private void pollInstead(Exception failure) {
		Duration configured = this.settings.pollInterval();
		boolean off = WatchSettings.isOff(configured);
		Duration interval = off ? DEFAULT_POLL_INTERVAL : configured;
		logger.error("Watching peers failed: every peer and peer folder is probed every " + interval.toMillis()
				+ " ms from now on"
				+ (off ? " (the default, as 'fifo-liveness.monitor.poll-interval' is " + configured + ")"
						: " ('fifo-liveness.monitor.poll-interval')")
				+ " instead, so changes keep being told, but later. Restart the application to watch"
				+ " them again, and report this error with its stack trace.", failure);
		Exception again = run(null, new WatchSettings(false, interval, this.settings.safetyNetInterval()), () -> {
		});
		if (again != null && !this.thread.isStopping()) {
			logger.error("Polling peers failed too: they are probed on each health request only", again);
		}
	}

}
