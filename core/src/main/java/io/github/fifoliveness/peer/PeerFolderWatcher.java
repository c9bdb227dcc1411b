package io.github.fifoliveness.peer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.KernelEventsUnavailableException;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.PosixException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@link PeerFolder peer folders} on a thread of its own: members join when their
 * FIFO appears, leave when it is removed, and are watched through the kernel while they
 * are up (their death is reported within milliseconds), and a {@link PeerFolderListener}
 * is told of every change and of the quorum. Where the kernel's events are unavailable or
 * watching is off, each folder is rescanned every poll interval instead.
 */
public class PeerFolderWatcher {

	private static final Logger logger = LoggerFactory.getLogger(PeerFolderWatcher.class);

	private final Map<String, WatchedPeerFolder> folders = new LinkedHashMap<>();

	private final boolean watch;

	private final Duration pollInterval;

	private final Duration safetyNetInterval;

	private final NativePosix posix;

	private volatile boolean watching;

	// Whether the thread keeps the reports current: watched, or rescanned.
	private volatile boolean following;

	private final WatchThread thread = new WatchThread("fifo-liveness-peer-folders");

	// Used by the watcher's thread only, one run after another.
	private int nextKey;

	/**
	 * Create a watcher.
	 * @param folders the folders to follow
	 * @param watch whether to watch through the kernel's events; {@code false} rescans
	 * every poll interval
	 * @param pollInterval how often to rescan a folder that is not watched, and to probe
	 * live members beyond the budget of descriptors; zero or negative never does
	 * @param safetyNetInterval how often to rescan watched folders anyway; zero or
	 * negative never does
	 * @param listener what is told of each change, on this watcher's thread
	 * @param posix the native calls
	 */
	public PeerFolderWatcher(List<PeerFolder> folders, boolean watch, Duration pollInterval, Duration safetyNetInterval,
			PeerFolderListener listener, NativePosix posix) {
		folders.forEach((folder) -> this.folders.put(folder.name(),
				new WatchedPeerFolder(folder, logger, listener, posix, System::nanoTime)));
		this.watch = watch;
		this.pollInterval = pollInterval;
		this.safetyNetInterval = safetyNetInterval;
		this.posix = posix;
	}

	/**
	 * Return the folders followed, in configuration order.
	 * @return the folders
	 */
	public List<PeerFolder> folders() {
		return this.folders.values().stream().map(WatchedPeerFolder::folder).toList();
	}

	/**
	 * Return a folder's state: as last seen while this watcher follows it through the
	 * kernel's events or polling, else as a scan finds it now, with what its start-up
	 * grace holds back now.
	 * @param folder the folder's name
	 * @return the report
	 * @throws IllegalArgumentException for a folder not followed by this watcher
	 */
	public PeerFolderReport report(String folder) {
		WatchedPeerFolder watched = this.folders.get(folder);
		if (watched == null) {
			throw new IllegalArgumentException("No peer folder named '" + folder + "'");
		}
		return watched.withStartupGrace((this.following && watched.isReported()) ? watched.report()
				: PeerFolderScan.scan(watched.folder(), this.posix));
	}

	/**
	 * Whether the folders are watched through the kernel's events, rather than rescanned.
	 * @return {@code true} while watched
	 */
	public boolean isWatched() {
		return this.watching;
	}

	/**
	 * Start following the folders on a thread of this watcher's own.
	 */
	public void start() {
		if (!this.folders.isEmpty()) {
			this.thread.start(this::run);
		}
	}

	/**
	 * Stop following the folders.
	 */
	public void stop() {
		this.thread.stop();
	}

	/**
	 * Whether started and not stopped.
	 * @return {@code true} while running
	 */
	public boolean isRunning() {
		return this.thread.isRunning();
	}

	// Keys outlive a run, as members do: a restart must not give a new member a live
	// one's.
	private int newKey() {
		int key = this.nextKey;
		this.nextKey = (key == Integer.MAX_VALUE) ? 0 : key + 1;
		return key;
	}

	private void run() {
		KernelEvents opened = null;
		if (this.watch) {
			try {
				opened = KernelEvents.open(this.posix);
			}
			catch (KernelEventsUnavailableException ex) {
				logger.info("Peer folders are rescanned every " + this.pollInterval.toMillis() + " ms instead of"
						+ " watched: " + ex.getMessage());
			}
		}
		PeerFolderWatchLoop loop = new PeerFolderWatchLoop(List.copyOf(this.folders.values()), opened,
				this.pollInterval, this.safetyNetInterval, this::newKey, logger);
		try {
			this.thread.events(opened);
			this.watching = opened != null;
			this.following = this.watching || (!this.pollInterval.isZero() && !this.pollInterval.isNegative());
			loop.run(this.thread::isStopping);
		}
		catch (PosixException | RuntimeException ex) {
			if (!this.thread.isStopping()) {
				logger.error("Following peer folders failed: their health probes them on each request from now on."
						+ " Restart the application to follow them again, and report this error with its stack"
						+ " trace.", ex);
			}
		}
		finally {
			this.watching = false;
			this.following = false;
			loop.release();
			if (opened != null) {
				opened.close();
			}
		}
	}

}
