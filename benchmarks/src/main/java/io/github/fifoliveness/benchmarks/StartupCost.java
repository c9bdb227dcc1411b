package io.github.fifoliveness.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;

/**
 * What the starter's beacon adds to start-up: the sample daemon started with the beacon
 * enabled and disabled, in pairs that alternate which of the two starts first, timed by
 * Spring Boot's own "Started ... in" line, with the CPU time the process has used (user
 * and system, all threads, from {@code /proc/<pid>/stat}) the moment that line appears
 * and again 5 seconds later, so work pushed to a background thread is counted too; and
 * the CPU at that line split into the JIT compilers' threads and all others (a compiler
 * thread that ended by then counts among the others), since the compilers take about half
 * of a start and much of its spread. In every enabled run the FIFO is probed as soon as
 * the line appears, to prove the beacon really holds it by then. Usage:
 * {@code StartupCost <sample-daemon.jar> <pairs> [<java executable>]}; the daemon runs on
 * this JVM's java unless another is given. Given two jars instead,
 * {@code StartupCost <a.jar> <b.jar> <pairs> [<java executable>]} compares them the same
 * way, with the beacon enabled in both, each column named after its jar's file name;
 * {@code StartupCost --beacon-off <a.jar> <b.jar> …} with the beacon disabled in both.
 */
public final class StartupCost {

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private static final long SETTLE_MILLIS = 5_000;

	// USER_HZ: the unit of utime and stime in /proc/<pid>/stat on Linux.
	private static final double MILLIS_PER_TICK = 10;

	private StartupCost() {
	}

	public static void main(String[] arguments) throws Exception {
		boolean beaconOff = arguments[0].equals("--beacon-off");
		String[] args = beaconOff ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
		boolean twoJars = args[1].endsWith(".jar");
		Variant first = twoJars ? Variant.of(Path.of(args[0]), !beaconOff)
				: new Variant("beacon on", Path.of(args[0]), true);
		Variant second = twoJars ? Variant.of(Path.of(args[1]), !beaconOff)
				: new Variant("beacon off", Path.of(args[0]), false);
		int next = twoJars ? 2 : 1;
		int pairs = Integer.parseInt(args[next]);
		String java = (args.length > next + 1) ? args[next + 1]
				: Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path dir = Files.createTempDirectory("fifo-liveness-startup");
		try {
			measure(java, first, second, pairs, dir);
		}
		finally {
			TemporaryFolders.delete(dir);
		}
	}

	private static void measure(String java, Variant first, Variant second, int pairs, Path dir) throws Exception {
		Path fifo = dir.resolve("daemon/sample-daemon.fifo");
		List<Start> firsts = new ArrayList<>();
		List<Start> seconds = new ArrayList<>();
		System.out.printf("%-5s %27s %27s %27s%n", "", first.label(), second.label(), "difference");
		System.out.printf("%-5s %27s %27s %27s%n", "pair", "Started in  CPU  CPU +5s", "Started in  CPU  CPU +5s",
				"Started in  CPU  CPU +5s");
		for (int pair = 1; pair <= pairs; pair++) {
			// Every other pair starts the second variant first, so that coming first in a
			// pair (the page cache, the previous daemon's last work) favours neither.
			boolean inOrder = pair % 2 == 1;
			Start secondStart = inOrder ? null : start(java, second, fifo);
			Start firstStart = start(java, first, fifo);
			secondStart = inOrder ? start(java, second, fifo) : secondStart;
			firsts.add(firstStart);
			seconds.add(secondStart);
			System.out.printf("%-5d %s %s %s%n", pair, firstStart.format(false), secondStart.format(false),
					firstStart.minus(secondStart).format(true));
		}
		List<Start> differences = new ArrayList<>();
		for (int i = 0; i < pairs; i++) {
			differences.add(firsts.get(i).minus(seconds.get(i)));
		}
		System.out.printf("%-5s %s %s %s   (median of each column)%n", "p50", Start.median(firsts).format(false),
				Start.median(seconds).format(false), Start.median(differences).format(true));
		System.out.printf("%-5s %59s %s   (quartiles of the differences)%n", "p25", "",
				Start.quantile(differences, 0.25).format(true));
		System.out.printf("%-5s %59s %s%n", "p75", "", Start.quantile(differences, 0.75).format(true));
		System.out.println("CPU at Started by thread: median of the pairs' differences (p25 to p75)");
		printSpread("JIT compiler threads", differences.stream().map(Start::compilersAtStarted).toList());
		printSpread("all other threads",
				differences.stream().map((start) -> start.cpuAtStarted() - start.compilersAtStarted()).toList());
	}

	private static void printSpread(String label, List<Double> differences) {
		System.out.printf("  %-22s %+7.0f ms (%+.0f to %+.0f)%n", label, median(differences),
				quantile(differences, 0.25), quantile(differences, 0.75));
	}

	private static Start start(String java, Variant variant, Path fifo) throws Exception {
		boolean beacon = variant.beacon();
		try (ChildJvm daemon = new ChildJvm(java, variant.jar(),
				List.of("--server.port=0", "--fifo-liveness.beacon.enabled=" + beacon,
						"--fifo-liveness.beacon.path=" + fifo,
						"--fifo-liveness.beacon.readiness-path=" + fifo.resolveSibling("sample-daemon-ready.fifo")))) {
			Matcher started = daemon.await(STARTED);
			double cpuAtStarted = cpuMillis(daemon.pid());
			double compilersAtStarted = compilerMillis(daemon.pid());
			if (beacon && !new FifoPeerProbe(fifo, NativePosix.get()).probe().alive()) {
				throw new IllegalStateException(
						"The beacon did not hold " + fifo + " when the application reported started");
			}
			Thread.sleep(SETTLE_MILLIS);
			return new Start(Double.parseDouble(started.group(1)) * 1000, cpuAtStarted, cpuMillis(daemon.pid()),
					compilersAtStarted);
		}
	}

	private static double cpuMillis(long pid) throws IOException {
		return statMillis(Path.of("/proc", String.valueOf(pid), "stat"));
	}

	// HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1", … (15 characters
	// of which a thread's comm keeps).
	private static double compilerMillis(long pid) throws IOException {
		double total = 0;
		try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
						total += statMillis(task.resolve("stat"));
					}
				}
				catch (IOException ex) {
					// The thread ended meanwhile.
				}
			}
		}
		return total;
	}

	// utime and stime are fields 14 and 15; the command name (field 2) may contain
	// spaces.
	private static double statMillis(Path stat) throws IOException {
		String line = Files.readString(stat);
		String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
	}

	static double median(List<Double> values) {
		return quantile(values, 0.5);
	}

	// Linear between the two nearest ranks, as the median of an even count is.
	static double quantile(List<Double> values, double fraction) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		double rank = fraction * (sorted.size() - 1);
		int below = (int) Math.floor(rank);
		int above = Math.min(below + 1, sorted.size() - 1);
		return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
	}

	/**
	 * One way of starting the daemon: which jar, with the beacon enabled or not.
	 */
	private record Variant(String label, Path jar, boolean beacon) {

		static Variant of(Path jar, boolean beacon) {
			return new Variant(jar.getFileName().toString().replaceFirst("\\.jar$", ""), jar, beacon);
		}

	}

	/**
	 * One start-up: Spring Boot's "Started in", the process's CPU time then and 5 seconds
	 * later, and the JIT compilers' part of the first, in milliseconds.
	 */
	private record Start(double startedIn, double cpuAtStarted, double cpuSettled, double compilersAtStarted) {

		Start minus(Start other) {
			return new Start(this.startedIn - other.startedIn, this.cpuAtStarted - other.cpuAtStarted,
					this.cpuSettled - other.cpuSettled, this.compilersAtStarted - other.compilersAtStarted);
		}

		String format(boolean signed) {
			String number = signed ? "%+7.0f" : "%7.0f";
			return String.format("   " + number + " " + number + " " + number + " ms", this.startedIn,
					this.cpuAtStarted, this.cpuSettled);
		}

		static Start median(List<Start> starts) {
			return quantile(starts, 0.5);
		}

		static Start quantile(List<Start> starts, double fraction) {
			return new Start(StartupCost.quantile(starts.stream().map(Start::startedIn).toList(), fraction),
					StartupCost.quantile(starts.stream().map(Start::cpuAtStarted).toList(), fraction),
					StartupCost.quantile(starts.stream().map(Start::cpuSettled).toList(), fraction),
					StartupCost.quantile(starts.stream().map(Start::compilersAtStarted).toList(), fraction));
		}

	}

}
