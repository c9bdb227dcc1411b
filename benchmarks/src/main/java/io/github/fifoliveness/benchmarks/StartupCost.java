package io.github.fifoliveness.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;

/**
 * What the starter's beacon adds to start-up: the sample daemon started with the beacon
 * enabled and disabled, in alternating pairs, timed by Spring Boot's own "Started ... in"
 * line. In every enabled run the FIFO is probed as soon as that line appears, to prove
 * the beacon really holds it by then. Usage: {@code StartupCost <sample-daemon.jar> <pairs>}.
 */
public final class StartupCost {

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private StartupCost() {
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(args[0]);
		int pairs = Integer.parseInt(args[1]);
		Path dir = Files.createTempDirectory("fifo-liveness-startup");
		try {
			measure(jar, pairs, dir);
		}
		finally {
			// Killed daemons leave their FIFOs and lock files behind, as SIGKILL does.
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	private static void measure(Path jar, int pairs, Path dir) throws Exception {
		Path fifo = dir.resolve("daemon/sample-daemon.fifo");
		List<Double> on = new ArrayList<>();
		List<Double> off = new ArrayList<>();
		List<Double> differences = new ArrayList<>();
		System.out.printf("%-5s %12s %12s %12s%n", "pair", "beacon on", "beacon off", "difference");
		for (int pair = 1; pair <= pairs; pair++) {
			double withBeacon = start(jar, fifo, true);
			double withoutBeacon = start(jar, fifo, false);
			on.add(withBeacon);
			off.add(withoutBeacon);
			differences.add(withBeacon - withoutBeacon);
			System.out.printf("%-5d %9.0f ms %9.0f ms %+9.0f ms%n", pair, withBeacon, withoutBeacon,
					withBeacon - withoutBeacon);
		}
		System.out.printf("%-5s %9.0f ms %9.0f ms %+9.0f ms   (median of each column; difference: median of the pairs)%n",
				"p50", median(on), median(off), median(differences));
	}

	private static double start(Path jar, Path fifo, boolean beacon) throws Exception {
		try (ChildJvm daemon = new ChildJvm(jar, List.of("--server.port=0", "--fifo-liveness.beacon.enabled=" + beacon,
				"--fifo-liveness.beacon.path=" + fifo,
				"--fifo-liveness.beacon.readiness-path=" + fifo.resolveSibling("sample-daemon-ready.fifo")))) {
			Matcher started = daemon.await(STARTED);
			if (beacon && !new FifoPeerProbe(fifo, NativePosix.get()).probe().alive()) {
				throw new IllegalStateException("The beacon did not hold " + fifo + " when the application reported started");
			}
			return Double.parseDouble(started.group(1)) * 1000;
		}
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
