package io.github.fifoliveness.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.autoconfigure.peer.PeerStatusChangedEvent;
import io.github.fifoliveness.autoconfigure.peer.PeerStatusEventPublisher;
import io.github.fifoliveness.peer.PeerStatusListener;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.WatchSettings;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A monitor that does nothing but follow its peers, with the starter's defaults (a
 * {@link PeerWatcher} with a 60 s safety net and a 1 s poll interval, or the
 * {@link PeerWatcher} polling at 1 s), for {@link PeersIdleCost} to measure from outside.
 * Prints {@code armed} once every peer has its first status; then answers {@code heap} on
 * standard input with the heap in use after a full GC, and stops on {@code exit}. Usage:
 * {@code IdleMonitor <watch|poll> <file listing one FIFO path per line>}.
 */
public final class IdleMonitor {

	private IdleMonitor() {
	}

	public static void main(String[] args) throws Exception {
		NativePosix posix = NativePosix.get();
		Map<String, PeerProbe> probes = new LinkedHashMap<>();
		for (String path : Files.readAllLines(Path.of(args[1]))) {
			probes.put(Path.of(path).getFileName().toString(), new FifoPeerProbe(Path.of(path), posix));
		}
		Set<String> seen = ConcurrentHashMap.newKeySet();
		CountDownLatch armed = new CountDownLatch(probes.size());
		ApplicationEventPublisher publisher = (event) -> {
			if (seen.add(((PeerStatusChangedEvent) event).getPeer())) {
				armed.countDown();
			}
		};
		Peers peers = new Peers(probes);
		// Through the starter's adapter, so each change costs what it costs in an
		// application.
		PeerStatusListener listener = new PeerStatusEventPublisher(publisher);
		WatchSettings settings = new WatchSettings(args[0].equals("watch"), Duration.ofSeconds(1),
				Duration.ofSeconds(60));
		PeerWatcher watcher = new PeerWatcher(peers, List.of(), settings, listener, (change) -> {
		}, posix);
		Runnable stop = watcher::stop;
		watcher.start();
		armed.await();
		System.out.println("armed");
		BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = input.readLine(); line != null && !line.equals("exit"); line = input.readLine()) {
			if (line.equals("heap")) {
				System.gc();
				System.gc();
				System.out.println("heap " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
			}
		}
		stop.run();
	}

}
