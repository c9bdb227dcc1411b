package io.github.fifoliveness.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.PeerStatusChange;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;

/**
 * Watches the FIFO peers at the given paths ({@code peer-0}, {@code peer-1}, …) in a
 * process of its own, for tests that need other limits or another user: once every peer
 * has its first status, prints {@code <name> watched} or {@code <name> polled} for each,
 * then {@code done}, and stops.
 */
public final class WatchOnce {

	private WatchOnce() {
	}

	public static void main(String[] args) throws InterruptedException {
		Map<String, PeerProbe> probes = fifoProbes(args);
		NativePosix posix = NativePosix.get();
		Set<String> seen = ConcurrentHashMap.newKeySet();
		CountDownLatch all = new CountDownLatch(probes.size());
		PeerWatcher watcher = new PeerWatcher(new Peers(probes), Duration.ofSeconds(1), Duration.ZERO, (event) -> {
			if (seen.add(((PeerStatusChange) event).getPeer())) {
				all.countDown();
			}
		}, posix);
		watcher.start();
		if (!all.await(60, TimeUnit.SECONDS)) {
			System.out.println("timed out");
		}
		probes.keySet()
			.forEach((name) -> System.out.println(name + (watcher.isWatched(name) ? " watched" : " polled")));
		watcher.stop();
		System.out.println("done");
	}

	/**
	 * Return FIFO probes named {@code peer-0}, {@code peer-1}, … for the given paths.
	 * @param paths the FIFOs' paths
	 * @return the probes, in order
	 */
	static Map<String, PeerProbe> fifoProbes(String... paths) {
		Map<String, PeerProbe> probes = new LinkedHashMap<>();
		for (int i = 0; i < paths.length; i++) {
			probes.put("peer-" + i, new FifoPeerProbe(Path.of(paths[i]), NativePosix.get()));
		}
		return probes;
	}

}
