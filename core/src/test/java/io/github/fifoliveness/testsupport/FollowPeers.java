package io.github.fifoliveness.testsupport;

import java.time.Duration;
import java.util.Arrays;

import io.github.fifoliveness.peer.PeerStatusChange;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;

/**
 * Watches the FIFO peers at the given paths ({@code peer-0}, {@code peer-1}, …) in a
 * process of its own until it is killed, for tests that must change what the watcher sees
 * from outside, such as its mount namespace. Prints
 * {@code event <name> <status> <reason>} for every {@link PeerStatusChange}. Polling is
 * off and the safety net at 60 s, so every event a test awaits for less came from the
 * kernel; a first argument {@code --safety-net=<ISO-8601 duration>} sets another.
 */
public final class FollowPeers {

	private FollowPeers() {
	}

	public static void main(String[] args) throws InterruptedException {
		Duration safetyNet = Duration.ofSeconds(60);
		if (args.length > 0 && args[0].startsWith("--safety-net=")) {
			safetyNet = Duration.parse(args[0].substring("--safety-net=".length()));
			args = Arrays.copyOfRange(args, 1, args.length);
		}
		PeerWatcher watcher = new PeerWatcher(new Peers(WatchOnce.fifoProbes(args)), Duration.ZERO, safetyNet,
				(event) -> {
					PeerStatusChange changed = (PeerStatusChange) event;
					System.out
						.println("event " + changed.getPeer() + " " + changed.getStatus() + " " + changed.getReason());
					System.out.flush();
				}, NativePosix.get());
		watcher.start();
		Thread.sleep(Duration.ofMinutes(10).toMillis());
	}

}
