package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.FileDescriptors;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.ProcessGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PeerWatcher} with many peers, each held by a process of its own: every
 * event delivered once, and nothing left open afterwards. Polling and the safety net are
 * off, so every event came from the kernel.
 */
class PeerWatcherScaleTests {

	private static final int PEERS = 1000;

	private static final Duration WITHIN = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	private final List<PeerStatusChange> events = new CopyOnWriteArrayList<>();

	@Test
	void thousandProcessesStartedAndKilledAtOnceAreEachReportedOnceAndLeaveNothingOpen() {
		List<Path> fifos = createFifos(PEERS);
		Path barrier = this.dir.resolve("barrier.fifo");
		long descriptorsBefore = watcherDescriptors();
		long inotifyBefore = inotifyInstances();
		PeerWatcher watcher = watcher(fifos, barrier);
		watcher.start();
		try {
			awaitCount(PeerStatus.DOWN, PEERS);
			try (ProcessGroup holders = ProcessGroup.holdingReadEnds(fifos)) {
				awaitCount(PeerStatus.UP, PEERS);
				assertThat(watcherDescriptors()).as("one held write end per live peer, and epoll, inotify, eventfd")
					.isEqualTo(descriptorsBefore + PEERS + 3);
				holders.killAll();
				awaitCount(PeerStatus.DOWN, 2 * PEERS);
			}
			// Every event before the barrier's has been published: no duplicate can still
			// be on its way.
			Fifos.create(barrier);
			await().atMost(WITHIN)
				.until(() -> this.events.stream()
					.anyMatch(
							(event) -> event.getPeer().equals("barrier") && event.getReason() == DownReason.NO_READER));
			Map<String, List<String>> byPeer = new ConcurrentHashMap<>();
			this.events.stream()
				.filter((event) -> !event.getPeer().startsWith("barrier"))
				.forEach((event) -> byPeer.computeIfAbsent(event.getPeer(), (peer) -> new CopyOnWriteArrayList<>())
					.add(event.getPreviousStatus() + "->" + event.getStatus()));
			assertThat(byPeer).hasSize(PEERS);
			assertThat(byPeer.values().stream().map(Object::toString).collect(Collectors.toSet()))
				.containsExactly("[UNKNOWN->DOWN, DOWN->UP, UP->DOWN]");
			assertThat(watcherDescriptors()).as("every held end closed once its peer died")
				.isEqualTo(descriptorsBefore + 3);
		}
		finally {
			watcher.stop();
		}
		assertThat(watcherDescriptors()).isEqualTo(descriptorsBefore);
		assertThat(inotifyInstances()).isEqualTo(inotifyBefore);
		assertThat(watcherThreads()).isEmpty();
	}

	@Test
	void stoppingWhilePeersDieClosesEverythingAndEndsTheThread() {
		List<Path> fifos = createFifos(PEERS);
		long descriptorsBefore = watcherDescriptors();
		long inotifyBefore = inotifyInstances();
		try (ProcessGroup holders = ProcessGroup.holdingReadEnds(fifos)) {
			PeerWatcher watcher = watcher(fifos, this.dir.resolve("barrier.fifo"));
			watcher.start();
			try {
				awaitCount(PeerStatus.UP, PEERS);
				holders.killAll();
			}
			finally {
				watcher.stop();
			}
			assertThat(watcherThreads()).as("stopped within stop()'s one second").isEmpty();
		}
		assertThat(watcherDescriptors()).isEqualTo(descriptorsBefore);
		assertThat(inotifyInstances()).isEqualTo(inotifyBefore);
	}

	@Test
	void startingAndStoppingAgainAndAgainLeaksNoInotifyInstance() {
		// The kernel allows 128 per user: a leak would fail this, and every test after
		// it.
		List<Path> fifos = createFifos(2);
		long inotifyBefore = inotifyInstances();
		for (int round = 0; round < 200; round++) {
			PeerWatcher watcher = watcher(fifos, this.dir.resolve("barrier.fifo"));
			watcher.start();
			int expected = 3 * (round + 1);
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(2))
				.atMost(WITHIN)
				.until(() -> this.events.size() == expected);
			watcher.stop();
		}
		assertThat(inotifyInstances()).isEqualTo(inotifyBefore);
	}

	private List<Path> createFifos(int count) {
		List<Path> fifos = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			fifos.add(this.dir.resolve("peer-" + i + ".fifo"));
		}
		List<String> command = new ArrayList<>(List.of("mkfifo", "-m", "600"));
		fifos.forEach((fifo) -> command.add(fifo.toString()));
		Fifos.run(command.toArray(String[]::new));
		return fifos;
	}

	private PeerWatcher watcher(List<Path> fifos, Path barrier) {
		Map<String, PeerProbe> probes = new LinkedHashMap<>();
		fifos.forEach((fifo) -> probes.put(fifo.getFileName().toString(), new FifoPeerProbe(fifo, this.posix)));
		probes.put("barrier", new FifoPeerProbe(barrier, this.posix));
		return new PeerWatcher(new Peers(probes), Duration.ZERO, Duration.ZERO,
				(event) -> this.events.add((PeerStatusChange) event), this.posix);
	}

	private void awaitCount(PeerStatus status, int count) {
		await().atMost(WITHIN)
			.until(() -> this.events.stream()
				.filter((event) -> event.getStatus() == status && !event.getPeer().equals("barrier"))
				.count() == count);
	}

	// The kinds the watcher opens: FIFOs here, an epoll set, an inotify instance, an
	// eventfd.
	private long watcherDescriptors() {
		return FileDescriptors.countOn(this.dir, "[eventpoll]", "inotify", "[eventfd]");
	}

	private long inotifyInstances() {
		return FileDescriptors.countOn(this.dir.resolve("none"), "inotify");
	}

	private static List<Thread> watcherThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("fifo-liveness-peer-watch") && thread.isAlive())
			.toList();
	}

}
