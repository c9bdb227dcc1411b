package io.github.fifoliveness.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;

/**
 * What following many peers costs a monitor while nothing happens: an {@link IdleMonitor}
 * with N peers, every other one held by a live reader (this process), measured after it
 * has been at rest a while (its code compiled) over a window as long as the watcher's
 * safety net interval (60 s), in which the safety net checks every watched peer once;
 * then the same monitor with 2 peers, whose cost is subtracted. CPU time is the sum over
 * the monitor's threads of {@code /proc/<pid>/task/<tid>/schedstat} (nanoseconds on a
 * CPU), and separately the part of it on fifo-liveness's own threads (the rest is the
 * JVM's: its compilers, collector and periodic tasks); descriptors are counted in
 * {@code /proc/<pid>/fd}; heap is what is in use after a full GC; kernel memory is what
 * the {@code filp} and {@code eventpoll_epi} slabs of {@code /proc/slabinfo} (open files,
 * epoll entries) give back when the monitor exits, which other processes on the machine
 * blur. Usage:
 * {@code PeersIdleCost <watch|poll> <N> <window seconds> <settle seconds> [<benchmarks.jar>]};
 * given another build's {@code benchmarks.jar}, the monitor is that build's, so that two
 * builds are measured by one driver.
 */
public final class PeersIdleCost {

	private static final Pattern ARMED = Pattern.compile("^armed$");

	private static final Pattern HEAP = Pattern.compile("^heap (\\d+)$");

	private PeersIdleCost() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		int peers = Integer.parseInt(args[1]);
		long window = Long.parseLong(args[2]);
		long settle = Long.parseLong(args[3]);
		String classPath = (args.length > 4) ? args[4] : System.getProperty("java.class.path");
		Cost small = measure(mode, 2, window, settle, classPath);
		Cost large = measure(mode, peers, window, settle, classPath);
		System.out.printf("%-7s %7s %14s %12s %13s %12s %12s %14s%n", "mode", "peers", "CPU", "% of a core",
				"descriptors", "heap", "kernel", "CPU, ours");
		for (Cost cost : List.of(small, large)) {
			System.out.printf("%-7s %7d %11.1f ms %11.4f%% %13d %9.1f MB %9.1f kB %11.1f ms%n", mode, cost.peers,
					cost.cpuNanos / 1e6, 100.0 * cost.cpuNanos / (window * 1e9), cost.descriptors, cost.heapBytes / 1e6,
					cost.kernelBytes / 1e3, cost.ownNanos / 1e6);
		}
		int added = peers - 2;
		// Every other peer is alive: only those hold a descriptor.
		int addedAlive = (peers + 1) / 2 - 1;
		System.out.printf("%-7s %7s %11.1f ms %11.4f%% %13s %12s %12s %11.1f ms%n", mode, "diff",
				(large.cpuNanos - small.cpuNanos) / 1e6, 100.0 * (large.cpuNanos - small.cpuNanos) / (window * 1e9),
				String.format("%.2f/live", (double) (large.descriptors - small.descriptors) / addedAlive),
				String.format("%.0f B/peer", (double) (large.heapBytes - small.heapBytes) / added),
				String.format("%.0f B/live", (double) (large.kernelBytes - small.kernelBytes) / addedAlive),
				(large.ownNanos - small.ownNanos) / 1e6);
	}

	private static Cost measure(String mode, int count, long window, long settle, String classPath) throws Exception {
		Path dir = Files.createTempDirectory("fifo-liveness-idle");
		NativePosix posix = NativePosix.get();
		List<OpenFile> readers = new ArrayList<>();
		try {
			List<String> paths = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Path fifo = dir.resolve("peer-" + i + ".fifo");
				posix.createFifo(fifo, 0600);
				if (i % 2 == 0) {
					readers.add(posix.openReadEnd(fifo));
				}
				paths.add(fifo.toString());
			}
			Path list = Files.write(dir.resolve("peers.txt"), paths);
			try (ChildJvm monitor = new ChildJvm(IdleMonitor.class, classPath, List.of(mode, list.toString()))) {
				monitor.readUntil(ARMED);
				Thread.sleep(settle * 1000);
				long[] before = cpuNanos(monitor.pid());
				Thread.sleep(window * 1000);
				long[] after = cpuNanos(monitor.pid());
				long descriptors = descriptors(monitor.pid());
				monitor.send("heap");
				long heap = Long.parseLong(monitor.readUntil(HEAP).group(1));
				long held = slabBytes();
				monitor.send("exit");
				monitor.process().waitFor();
				return new Cost(count, after[0] - before[0], after[1] - before[1], descriptors, heap,
						held - slabBytes());
			}
		}
		finally {
			readers.forEach(OpenFile::close);
			TemporaryFolders.delete(dir);
		}
	}

	// All threads, then fifo-liveness's own (named fifo-liveness-…). Threads that exit
	// within the window are missed; a monitor at rest starts none.
	private static long[] cpuNanos(long pid) throws IOException {
		long[] total = new long[2];
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					boolean ours = Files.readString(task.resolve("comm")).startsWith("fifo-liveness");
					long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
					total[0] += nanos;
					total[1] += ours ? nanos : 0;
				}
				catch (IOException ex) {
					// The thread ended meanwhile.
				}
			}
		}
		return total;
	}

	private static long descriptors(long pid) throws IOException {
		try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			return fds.count();
		}
	}

	// Open files and epoll entries: what a held write end costs the kernel. Zero where
	// slabinfo is not readable.
	private static long slabBytes() {
		try {
			long bytes = 0;
			for (String line : Files.readAllLines(Path.of("/proc/slabinfo"))) {
				String[] fields = line.split("\\s+");
				if (fields[0].equals("filp") || fields[0].equals("eventpoll_epi")) {
					bytes += Long.parseLong(fields[1]) * Long.parseLong(fields[3]);
				}
			}
			return bytes;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private record Cost(int peers, long cpuNanos, long ownNanos, long descriptors, long heapBytes, long kernelBytes) {

	}

}
