package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.KernelEventsUnavailableException;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.PosixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns of peers dying and coming back from the kernel, within milliseconds and without
 * polling, and tells a {@link PeerStatusListener} of each change, with the same
 * transitions and log lines as {@link PeerStatusPoller}.
 * <p>
 * One thread of its own watches every peer: the write end of each live FIFO peer is held
 * in one epoll set, which reports it when the last reader goes ({@code EPOLLERR}); a live
 * PID-file peer's process is watched through a pidfd; the folders of peers that are down
 * are watched with inotify, for their FIFO or PID file to appear or be opened. An event
 * never decides by itself: it makes the watcher probe that peer by path again. Peers that
 * cannot be watched (no epoll or inotify on this platform, a folder this user may not
 * read, a probe with no {@link PeerProbe#watchTarget() watch target}, more peers than
 * descriptors) are probed every poll interval instead, and watched peers are probed every
 * safety-net interval anyway.
 */
public class PeerWatcher {

	private static final Logger logger = LoggerFactory.getLogger(PeerWatcher.class);

	// The default of 'fifo-liveness.monitor.poll-interval', for falling back to polling
	// where it is off.
	private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

	private final Peers peers;

	private final Duration pollInterval;

	private final Duration safetyNetInterval;

	private final NativePosix posix;

	private final PeerStatusTracker tracker;

	// Read by health requests and metrics scrapes while start() fills it.
	private final Map<String, WatchedPeer> watched = new ConcurrentHashMap<>();

	private final WatchThread thread = new WatchThread("fifo-liveness-peer-watch");

	private Runnable beforeEachWait = () -> {
	};

	/**
	 * Create a watcher.
	 * @param peers the peers to watch
	 * @param pollInterval how often to probe the peers that cannot be watched; zero or
	 * negative never probes them
	 * @param safetyNetInterval how often to probe the watched peers anyway; zero or
	 * negative never does
	 * @param listener what is told of each change, on this watcher's thread
	 * @param posix the native calls
	 */
	public PeerWatcher(Peers peers, Duration pollInterval, Duration safetyNetInterval, PeerStatusListener listener,
			NativePosix posix) {
		this.peers = peers;
		this.pollInterval = pollInterval;
		this.safetyNetInterval = safetyNetInterval;
		this.posix = posix;
		this.tracker = new PeerStatusTracker(logger, listener, peers);
	}

	/**
	 * Whether a peer is watched through the kernel's events rather than polled.
	 * @param peer the peer's name
	 * @return {@code true} while watched
	 */
	public boolean isWatched(String peer) {
		WatchedPeer watchedPeer = this.watched.get(peer);
		return watchedPeer != null && watchedPeer.isWatched();
	}

	/**
	 * Return a watched peer's latest result, current within the kernel's notice
	 * (milliseconds), with no probe made.
	 * @param peer the peer's name
	 * @return the result, or empty when the peer is not watched or not probed yet
	 */
	public Optional<ProbeResult> watchedResult(String peer) {
		return isWatched(peer) ? Optional.ofNullable(this.tracker.last(peer)) : Optional.empty();
	}

	/**
	 * Run the given code on the watcher's thread before each wait for the kernel's
	 * events: the seam through which tests make the loop fail.
	 * @param hook the code
	 */
	void beforeEachWait(Runnable hook) {
		this.beforeEachWait = hook;
	}

	/**
	 * Start following the peers on a thread of this watcher's own.
	 */
	public synchronized void start() {
		// An application with peer folders only needs no thread for peers.
		if (this.thread.isRunning() || this.peers.configuredProbes().isEmpty()) {
			return;
		}
		List<WatchedPeer> peers = new ArrayList<>();
		this.peers.configuredProbes()
			.forEach((name, probe) -> peers.add(watchedPeer(name, peers.size(), probe, this.peers.probes().get(name))));
		peers.forEach((peer) -> this.watched.put(peer.name(), peer));
		this.thread.start(() -> run(peers));
	}

	// The configured probe says what to watch; the recorded one makes the probes.
	private static WatchedPeer watchedPeer(String name, int key, PeerProbe configured, PeerProbe recorded) {
		return configured.watchTarget().watchedPeer(name, key, recorded);
	}

	/**
	 * Stop following the peers.
	 */
	public void stop() {
		if (!this.thread.stop()) {
			logger.warn("The peer watcher did not stop within a second, most likely held up by a PeerStatusListener;"
					+ " it stops and closes its descriptors once that returns");
		}
	}

	/**
	 * Whether started and not stopped.
	 * @return {@code true} while running
	 */
	public boolean isRunning() {
		return this.thread.isRunning();
	}

	private void run(List<WatchedPeer> peers) {
		KernelEvents opened = null;
		String unavailable = null;
		try {
			opened = KernelEvents.open(this.posix);
			opened.whyMountsUnfollowed()
				.ifPresent((reason) -> logger.info("Mount changes are not followed (" + reason + "): a peer folder"
						+ " mounted again is watched again only by the safety net"
						+ " ('fifo-liveness.monitor.watch.safety-net-interval')"));
		}
		catch (KernelEventsUnavailableException ex) {
			unavailable = ex.getMessage();
		}
		PeerWatchLoop loop = new PeerWatchLoop(peers, opened, this.tracker, this.pollInterval, this.safetyNetInterval,
				logger, this.beforeEachWait);
		Exception failure = null;
		try {
			this.thread.events(opened);
			PeerWatchPlan.decide(peers, opened, unavailable, loop, logger);
			loop.run(this.thread::isStopping);
		}
		catch (PosixException | RuntimeException ex) {
			failure = ex;
		}
		finally {
			loop.release();
			if (opened != null) {
				opened.close();
			}
			peers.forEach((peer) -> peer.watched(false));
		}
		if (failure != null && !this.thread.isStopping()) {
			pollInstead(failure);
		}
	}

	// Events late are better than none: the tracker still knows every peer's status.
	private void pollInstead(Exception failure) {
		boolean off = this.pollInterval.isZero() || this.pollInterval.isNegative();
		Duration interval = off ? DEFAULT_POLL_INTERVAL : this.pollInterval;
		logger.error("Watching peers failed: every peer is probed every " + interval.toMillis() + " ms from now on"
				+ (off ? " (the default, as 'fifo-liveness.monitor.poll-interval' is " + this.pollInterval + ")"
						: " ('fifo-liveness.monitor.poll-interval')")
				+ " instead, so changes keep being told, but later. Restart the application to watch"
				+ " them again, and report this error with its stack trace.", failure);
		new PeerPollLoop(this.peers.probes(), this.tracker, interval, logger).run(this.thread::isStopping);
	}

}
