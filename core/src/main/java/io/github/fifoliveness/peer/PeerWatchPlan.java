package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.fifoliveness.posix.KernelEvents;
import io.github.fifoliveness.posix.PosixException;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Decides, before the watcher arms anything, which peers it polls instead: all of them
 * without an event set, peers whose probe it does not know, and those beyond what the
 * limit on open descriptors ({@code RLIMIT_NOFILE}) allows, since every live peer watched
 * holds one descriptor.
 */
final class PeerWatchPlan {

	private PeerWatchPlan() {
	}

	/**
	 * Hand the peers that cannot be watched to the loop's polling.
	 * @param peers the peers
	 * @param events the event set, {@code null} when unavailable
	 * @param unavailable why there is no event set, else {@code null}
	 * @param loop the loop
	 * @param logger where to say what is polled and why
	 * @throws PosixException if the descriptor limit cannot be read
	 */
	static void decide(List<WatchedPeer> peers, @Nullable KernelEvents events, @Nullable String unavailable,
			PeerWatchLoop loop, Logger logger) throws PosixException {
		if (events == null) {
			logger.info("Peers are " + loop.describePolling() + " instead of watched: " + unavailable);
			peers.forEach((peer) -> loop.poll(peer, null));
			return;
		}
		peers.stream()
			.filter(PolledPeer.class::isInstance)
			.forEach((peer) -> loop.poll(peer, "its probe has no watch target (PeerProbe.watchTarget())"));
		List<WatchedPeer> watchable = peers.stream().filter((peer) -> !(peer instanceof PolledPeer)).toList();
		long limit = events.openFileLimit();
		long open = openDescriptors();
		long budget = budget(limit, open);
		if (watchable.size() > budget) {
			logger.warn("Watching " + watchable.size() + " peers takes up to one descriptor each, but the limit on open"
					+ " files (RLIMIT_NOFILE) is " + limit + " and " + open + " are open: watching " + budget
					+ " of them and probing the other " + (watchable.size() - budget) + " every poll interval."
					+ " Raise the limit ('ulimit -n', or LimitNOFILE= in a systemd unit) to watch them all.");
			watchable.subList((int) budget, watchable.size()).forEach((peer) -> loop.poll(peer, null));
		}
	}

	/**
	 * Return how many descriptors watching may hold: a quarter of the limit stays for
	 * everything else the application opens.
	 * @param limit the limit on open files
	 * @param others the descriptors open for anything but watching
	 * @return the budget, zero or more
	 */
	static long budget(long limit, long others) {
		return Math.max(0, limit - others - limit / 4);
	}

	/**
	 * Return how many descriptors this process has open.
	 * @return the count, 0 when it cannot be read
	 */
	static long openDescriptors() {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.count();
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
