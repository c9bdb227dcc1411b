package io.github.fifoliveness.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.peer.PeerFolder;
import io.github.fifoliveness.peer.PeerFolderChange;
import io.github.fifoliveness.peer.PeerFolderChange.Kind;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.WatchSettings;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;

/**
 * How long a {@link PeerWatcher} in this process takes to tell of a member arriving,
 * dying and leaving, round after round in one folder, each event timed where the listener
 * receives it:
 * <ul>
 * <li>arrival: from just before this process creates a member's FIFO ({@code mkfifo}) and
 * opens its read end, to {@code MEMBER_JOINED} (UP);</li>
 * <li>SIGKILL: from the {@code kill} of a shell that holds the FIFO (the only reader by
 * then) to {@code MEMBER_DOWN};</li>
 * <li>removal: from just before the FIFO is removed to {@code MEMBER_LEFT}.</li>
 * </ul>
 * Polling and the safety net are off: every event comes from the kernel. Usage:
 * {@code PeerFolderLatency <rounds> [warm-up rounds]}.
 */
public final class PeerFolderLatency {

	private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

	private final BlockingQueue<Timed> events = new LinkedBlockingQueue<>();

	private final Map<String, List<Double>> millis = new LinkedHashMap<>();

	private final Random random = new Random(42);

	private final NativePosix posix = NativePosix.get();

	private PeerFolderLatency() {
		for (String name : List.of("arrival -> JOINED", "SIGKILL -> DOWN", "removal -> LEFT")) {
			this.millis.put(name, new ArrayList<>());
		}
	}

	public static void main(String[] args) throws Exception {
		int rounds = Integer.parseInt(args[0]);
		int warmUp = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
		Path dir = Files.createTempDirectory("fifo-liveness-folder-latency");
		try {
			new PeerFolderLatency().measure(rounds, warmUp, dir);
		}
		finally {
			TemporaryFolders.delete(dir);
		}
	}

	private void measure(int rounds, int warmUp, Path dir) throws Exception {
		Path folder = Files.createDirectory(dir.resolve("workers"));
		PeerFolder config = new PeerFolder("workers", folder, PeerFolder.DEFAULT_PATTERN, 1, null,
				PeerFolder.DEFAULT_MAX_MEMBERS, Duration.ZERO);
		PeerWatcher watcher = new PeerWatcher(new Peers(Map.of()), List.of(config),
				new WatchSettings(true, Duration.ZERO, Duration.ZERO), (change) -> {
				}, (change) -> this.events.add(new Timed(change, System.nanoTime())), this.posix);
		watcher.start();
		try {
			next(Kind.QUORUM_LOST);
			for (int round = 0; round < warmUp + rounds; round++) {
				round(folder.resolve("worker-" + round + ".fifo"), round >= warmUp);
			}
		}
		finally {
			watcher.stop();
		}
		print();
	}

	private void round(Path fifo, boolean counted) throws Exception {
		pause();
		long arrival = System.nanoTime();
		this.posix.createFifo(fifo, 0600);
		OpenFile readEnd = this.posix.openReadEnd(fifo);
		record(counted, "arrival -> JOINED", next(Kind.MEMBER_JOINED).nanos - arrival);
		next(Kind.QUORUM_HELD);
		Process holder = new ProcessBuilder("sh", "-c", "exec 3<>\"$0\"; echo holding; exec sleep 600", fifo.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(holder.getInputStream(), StandardCharsets.US_ASCII))) {
			if (!"holding".equals(output.readLine())) {
				throw new IllegalStateException("The holder did not start");
			}
			readEnd.close();
			pause();
			long kill = System.nanoTime();
			holder.destroyForcibly();
			record(counted, "SIGKILL -> DOWN", next(Kind.MEMBER_DOWN).nanos - kill);
			next(Kind.QUORUM_LOST);
			holder.waitFor(30, TimeUnit.SECONDS);
		}
		pause();
		long removal = System.nanoTime();
		Files.delete(fifo);
		record(counted, "removal -> LEFT", next(Kind.MEMBER_LEFT).nanos - removal);
	}

	// Changes fall anywhere, not in step with the watcher's loop.
	private void pause() throws InterruptedException {
		Thread.sleep(20 + this.random.nextInt(80));
	}

	private Timed next(Kind kind) throws InterruptedException {
		while (true) {
			Timed timed = this.events.poll(EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (timed == null) {
				throw new IllegalStateException("No " + kind + " within " + EVENT_TIMEOUT);
			}
			if (timed.change().kind() == kind) {
				return timed;
			}
		}
	}

	private void record(boolean counted, String name, long nanos) {
		if (counted) {
			this.millis.get(name).add(nanos / 1e6);
		}
	}

	private void print() {
		System.out.printf("%-18s %5s %10s %10s %10s %10s%n", "event", "n", "p50", "p90", "p99", "max");
		this.millis.forEach((name, values) -> {
			List<Double> sorted = values.stream().sorted().toList();
			System.out.printf("%-18s %5d %7.2f ms %7.2f ms %7.2f ms %7.2f ms%n", name, sorted.size(),
					percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
					sorted.get(sorted.size() - 1));
		});
	}

	private static double percentile(List<Double> sorted, double fraction) {
		return sorted.get((int) Math.ceil(sorted.size() * fraction) - 1);
	}

	private record Timed(PeerFolderChange change, long nanos) {

	}

}
