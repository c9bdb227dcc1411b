package io.github.fifoliveness.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PeerStatus;
import io.github.fifoliveness.autoconfigure.peer.PeerStatusChangedEvent;
import io.github.fifoliveness.autoconfigure.peer.PeerStatusEventPublisher;
import io.github.fifoliveness.peer.PeerStatusListener;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.WatchSettings;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.context.ApplicationEventPublisher;

/**
 * How long a monitor takes to publish a {@link PeerStatusChangedEvent} after the sample
 * daemon starts, turns BROKEN, turns CORRECT again, and is killed with SIGKILL, round
 * after round over the same FIFO. The monitor runs in this process: a {@link PeerWatcher}
 * ({@code watch}) or, for comparison, the {@link PeerWatcher} polling at its default 1 s
 * ({@code poll}); each event is timed where the listener receives it. Each change waits
 * up to a second at random first, as a real one would fall anywhere between two polls.
 * <ul>
 * <li>open: from the daemon's own open of its FIFO, the microsecond timestamp of its
 * beacon's debug line right after the {@code open} returns, to the UP event (wall clock,
 * two processes), at start and when it turns CORRECT again;</li>
 * <li>close: likewise from the beacon's line right after it closed the FIFO on
 * BROKEN;</li>
 * <li>BROKEN and CORRECT: from sending {@code POST /demo/liveness?state=…} to the DOWN or
 * UP event, the daemon's HTTP handling included;</li>
 * <li>SIGKILL: from the {@code kill} to the DOWN event.</li>
 * </ul>
 * Usage:
 * {@code PeerEventLatency <sample-daemon.jar> <rounds> <watch|poll> [warm-up rounds]};
 * warm-up rounds run first and are not counted.
 */
public final class PeerEventLatency {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Pattern OPENED = Pattern
		.compile("^(\\S+)\\s.*Opened the read end of FIFO '.*sample-daemon\\.fifo'");

	private static final Pattern CLOSED = Pattern
		.compile("^(\\S+)\\s.*Liveness beacon closed FIFO '.*sample-daemon\\.fifo'");

	private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

	private final BlockingQueue<Timed> events = new LinkedBlockingQueue<>();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final Map<String, List<Double>> millis = new LinkedHashMap<>();

	private final Random random = new Random(42);

	private PeerEventLatency() {
		for (String name : List.of("open -> UP", "BROKEN -> DOWN", "close -> DOWN", "CORRECT -> UP",
				"open -> UP (resumed)", "SIGKILL -> DOWN")) {
			this.millis.put(name, new ArrayList<>());
		}
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		int rounds = Integer.parseInt(args[1]);
		boolean watch = args[2].equals("watch");
		int warmUp = (args.length > 3) ? Integer.parseInt(args[3]) : 0;
		Path dir = Files.createTempDirectory("fifo-liveness-latency");
		try {
			new PeerEventLatency().measure(jar, rounds, watch, warmUp, dir);
		}
		finally {
			TemporaryFolders.delete(dir);
		}
	}

	private void measure(Path jar, int rounds, boolean watch, int warmUp, Path dir) throws Exception {
		Path fifo = dir.resolve("daemon/sample-daemon.fifo");
		NativePosix posix = NativePosix.get();
		Peers peers = new Peers(Map.of("sample-daemon", new FifoPeerProbe(fifo, posix)));
		ApplicationEventPublisher publisher = (event) -> this.events
			.add(new Timed((PeerStatusChangedEvent) event, System.nanoTime(), Instant.now()));
		// Through the starter's adapter, so each change costs what it costs in an
		// application.
		PeerStatusListener listener = new PeerStatusEventPublisher(publisher);
		WatchSettings settings = new WatchSettings(watch, Duration.ofSeconds(1), Duration.ofSeconds(60));
		PeerWatcher watcher = new PeerWatcher(peers, List.of(), settings, listener, (change) -> {
		}, posix);
		Runnable stop = watcher::stop;
		watcher.start();
		try {
			next(PeerStatus.DOWN);
			for (int round = 0; round < warmUp; round++) {
				round(jar, fifo);
			}
			this.millis.values().forEach(List::clear);
			for (int round = 0; round < rounds; round++) {
				round(jar, fifo);
			}
		}
		finally {
			stop.run();
		}
		System.out.printf("%-16s %5s %10s %10s %10s %10s%n", "event", "n", "p50", "p90", "p99", "max");
		this.millis.forEach((name, values) -> {
			List<Double> sorted = new ArrayList<>(values);
			Collections.sort(sorted);
			System.out.printf("%-16s %5d %7.2f ms %7.2f ms %7.2f ms %7.2f ms%n", name, sorted.size(),
					percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
					sorted.get(sorted.size() - 1));
		});
	}

	private void round(Path jar, Path fifo) throws Exception {
		try (ChildJvm daemon = new ChildJvm(jar,
				List.of("--server.port=0", "--fifo-liveness.beacon.path=" + fifo,
						"--fifo-liveness.beacon.readiness-path=" + fifo.resolveSibling("sample-daemon-ready.fifo"),
						"--logging.level.io.github.fifoliveness.beacon.BeaconFifo=debug",
						"--logging.pattern.dateformat=yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX"))) {
			int port = Integer.parseInt(daemon.readUntil(PORT).group(1));
			Instant opened = timeOf(daemon, OPENED);
			record("open -> UP", Duration.between(opened, next(PeerStatus.UP).instant).toNanos());
			// The first requests initialize Spring MVC: not what BROKEN costs.
			for (int i = 0; i < 20; i++) {
				send(port, "GET", "/actuator/health");
			}
			pause();
			long sent = System.nanoTime();
			post(port, "BROKEN");
			Timed down = next(PeerStatus.DOWN);
			record("BROKEN -> DOWN", down.nanos - sent);
			record("close -> DOWN", Duration.between(timeOf(daemon, CLOSED), down.instant).toNanos());
			pause();
			sent = System.nanoTime();
			post(port, "CORRECT");
			Timed up = next(PeerStatus.UP);
			record("CORRECT -> UP", up.nanos - sent);
			record("open -> UP (resumed)", Duration.between(timeOf(daemon, OPENED), up.instant).toNanos());
			daemon.drain();
			pause();
			long killed = System.nanoTime();
			daemon.process().destroyForcibly();
			record("SIGKILL -> DOWN", next(PeerStatus.DOWN).nanos - killed);
		}
	}

	// Up to one poll interval at random, so that no change follows the poller's rounds in
	// step.
	private void pause() throws InterruptedException {
		Thread.sleep(this.random.nextInt(1000));
	}

	// The daemon's own log line, to the microsecond: after its open or close returned.
	private static Instant timeOf(ChildJvm daemon, Pattern line) throws Exception {
		return OffsetDateTime.parse(daemon.readUntil(line).group(1)).toInstant();
	}

	private void post(int port, String state) throws Exception {
		int status = send(port, "POST", "/demo/liveness?state=" + state);
		if (status != 200) {
			throw new IllegalStateException("POST ?state=" + state + " answered " + status);
		}
	}

	private int send(int port, String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	// Skips changes of the down reason: only a change of status ends a measurement.
	private Timed next(PeerStatus status) throws InterruptedException {
		long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
		while (true) {
			Timed timed = this.events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (timed == null) {
				throw new IllegalStateException("No " + status + " event within " + EVENT_TIMEOUT.toSeconds() + " s");
			}
			if (timed.event.getStatus() == status && timed.event.getPreviousStatus() != status) {
				return timed;
			}
		}
	}

	private void record(String name, long nanos) {
		this.millis.get(name).add(nanos / 1e6);
	}

	// Nearest rank: with 20 values, p99 is the largest.
	private static double percentile(List<Double> sorted, double fraction) {
		return sorted.get((int) Math.ceil(sorted.size() * fraction) - 1);
	}

	private record Timed(PeerStatusChangedEvent event, long nanos, Instant instant) {

	}

}
