package io.github.fifoliveness.examples.plainjava;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;

/**
 * A service without Spring: holds its own beacon and watches a peer, printing one line
 * per change of the peer's status.
 */
public final class PlainJavaExample {

	private PlainJavaExample() {
	}

	/**
	 * Hold the beacon at the first path and watch the peer whose FIFO is at the second.
	 * @param args the beacon's path and the peer's path
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		NativePosix posix = NativePosix.get();
		FifoBeacon beacon = new FifoBeacon(Path.of(args[0]), true, posix);
		beacon.hold();
		Peers peers = new Peers(Map.of("peer", new FifoPeerProbe(Path.of(args[1]), posix)));
		PeerWatcher watcher = new PeerWatcher(
				peers, Duration.ofSeconds(1), Duration.ofMinutes(1), (change) -> System.out.println(change.getPeer()
						+ " " + change.getStatus() + ((change.getReason() != null) ? " " + change.getReason() : "")),
				posix);
		watcher.start();
		Thread.currentThread().join();
	}

}
