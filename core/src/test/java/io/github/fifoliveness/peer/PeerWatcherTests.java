package io.github.fifoliveness.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.beacon.FifoBeaconWatcher;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.ConsoleOutput;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.OwnFifoProbe;
import io.github.fifoliveness.testsupport.SwitchableProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PeerWatcher} with real FIFOs and real processes. Polling and the
 * safety net are off unless a test says otherwise, so every event proven here came from
 * the kernel.
 */
class PeerWatcherTests {

	private static final Duration OFF = Duration.ZERO;

	private static final Duration WITHIN = Duration.ofSeconds(10);

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@RegisterExtension
	final ConsoleOutput output = new ConsoleOutput();

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	private final List<PeerStatusChange> events = new CopyOnWriteArrayList<>();

	private PeerWatcher watcher;

	@AfterEach
	void stopWatcher() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
	}

	@Test
	void sigkillIsPublishedAsDownOnceAndLoggedOnce() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Process orders = this.children.holdReadEnd(fifo);
		awaitReader(fifo);
		start(Map.of("orders", fifo));
		awaitEvents("Peer 'orders' UNKNOWN -> UP");
		assertThat(this.watcher.isWatched("orders")).isTrue();

		ChildProcesses.kill(orders);
		awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)");
		assertThat(this.watcher.watchedResult("orders"))
			.hasValueSatisfying((result) -> assertThat(result.alive()).isFalse());
		assertThat(this.output.text().split("Peer 'orders' is DOWN \\(NO_READER\\)", -1)).as("one WARN").hasSize(2);
	}

	@Test
	void crashRestartOverTheSameFifoIsPublishedAsUp() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Process orders = this.children.holdReadEnd(fifo);
		awaitReader(fifo);
		start(Map.of("orders", fifo));
		awaitEvents("Peer 'orders' UNKNOWN -> UP");
		ChildProcesses.kill(orders);
		awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)");

		this.children.holdReadEnd(fifo);
		awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)", "Peer 'orders' DOWN -> UP");
		assertThat(this.output.text().split("Peer 'orders' is UP again", -1)).as("one INFO").hasSize(2);
	}

	@Test
	void aPeerStartedAfterTheMonitorIsSeenWhenItStarts() {
		Path fifo = this.dir.resolve("orders.fifo");
		start(Map.of("orders", fifo));
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (MISSING)");
		Fifos.create(fifo);
		this.children.holdReadEnd(fifo);
		await().atMost(WITHIN).untilAsserted(() -> assertThat(lastEvent()).hasToString("Peer 'orders' DOWN -> UP"));
		assertThat(this.events).extracting(PeerStatusChange::getReason).containsSubsequence(DownReason.MISSING, null);
	}

	@Test
	void aPeerInAFolderThatDoesNotExistYetIsSeenWhenItStarts() throws Exception {
		Path fifo = this.dir.resolve("run/orders/orders.fifo");
		start(Map.of("orders", fifo));
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (MISSING)");
		Files.createDirectories(fifo.getParent());
		Fifos.create(fifo);
		this.children.holdReadEnd(fifo);
		await().atMost(WITHIN).untilAsserted(() -> assertThat(lastEvent()).hasToString("Peer 'orders' DOWN -> UP"));
	}

	@Test
	void aFolderDeletedAndCreatedAgainIsWatchedAgain() throws Exception {
		Path fifo = this.dir.resolve("run/orders/orders.fifo");
		Files.createDirectories(fifo.getParent());
		start(Map.of("orders", fifo));
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (MISSING)");
		Files.delete(fifo.getParent());
		Files.delete(fifo.getParent().getParent());
		Files.createDirectories(fifo.getParent());
		Fifos.create(fifo);
		this.children.holdReadEnd(fifo);
		await().atMost(WITHIN).untilAsserted(() -> assertThat(lastEvent()).hasToString("Peer 'orders' DOWN -> UP"));
	}

	// The peer's own folder, or the ancestor where its missing folder is awaited.
	@ParameterizedTest
	@ValueSource(strings = { "run/orders.fifo", "run/orders/orders.fifo" })
	void aFolderDeletedWhileAProcessHoldsAFileInItIsWatchedAgain(String peerPath) throws Exception {
		Path fifo = this.dir.resolve(peerPath);
		Path billing = Fifos.create(Files.createDirectories(this.dir.resolve("run")).resolve("billing.fifo"));
		// Keeps the deleted folder alive, so the kernel does not report its deletion.
		this.children.holdReadEnd(billing);
		awaitReader(billing);
		start(Map.of("orders", fifo));
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (MISSING)");
		Fifos.run("rm", "-rf", billing.getParent().toString());
		Files.createDirectories(fifo.getParent());
		Fifos.create(fifo);
		this.children.holdReadEnd(fifo);
		await().atMost(WITHIN).untilAsserted(() -> assertThat(lastEvent()).hasToString("Peer 'orders' DOWN -> UP"));
	}

	@Test
	void aSymbolicLinkToALiveFifoIsNeverHeldNorUp() throws Exception {
		Path target = Fifos.create(this.dir.resolve("target.fifo"));
		this.children.holdReadEnd(target);
		awaitReader(target);
		Path link = Files.createSymbolicLink(this.dir.resolve("orders.fifo"), target);
		start(Map.of("orders", link));
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (NOT_A_FIFO)");
		assertThat(this.watcher.isWatched("orders")).isTrue();
	}

	@Test
	void brokenAndCorrectOfABeaconArePublished() {
		Path fifo = this.dir.resolve("orders/orders.fifo");
		FifoBeacon beacon = new FifoBeacon(fifo, true, this.posix);
		beacon.hold();
		try {
			start(Map.of("orders", fifo));
			awaitEvents("Peer 'orders' UNKNOWN -> UP");
			beacon.suspend("liveness state BROKEN");
			awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)");
			beacon.resume();
			awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)",
					"Peer 'orders' DOWN -> UP");
		}
		finally {
			beacon.release();
		}
	}

	@Test
	void aFifoDeletedAndRecreatedByItsBeaconReturnsToUp() throws Exception {
		Path fifo = this.dir.resolve("orders/orders.fifo");
		FifoBeacon beacon = new FifoBeacon(fifo, true, this.posix);
		FifoBeaconWatcher beaconWatcher = new FifoBeaconWatcher(beacon, Duration.ofMillis(100));
		beacon.hold();
		beaconWatcher.start();
		try {
			start(Map.of("orders", fifo));
			awaitEvents("Peer 'orders' UNKNOWN -> UP");
			long inode = inode(fifo);
			Files.delete(fifo);
			await().atMost(WITHIN).until(() -> Files.exists(fifo) && inode(fifo) != inode);
			// The beacon closed its end of the old FIFO: the watcher must hold the new
			// one.
			await().atMost(WITHIN).untilAsserted(() -> {
				assertThat(lastEvent().getStatus()).isEqualTo(PeerStatus.UP);
				assertThat(this.watcher.watchedResult("orders"))
					.hasValueSatisfying((result) -> assertThat(result.alive()).isTrue());
			});
			beacon.suspend("liveness state BROKEN");
			await().atMost(WITHIN)
				.untilAsserted(() -> assertThat(lastEvent()).hasToString("Peer 'orders' UP -> DOWN (NO_READER)"));
		}
		finally {
			beaconWatcher.stop();
			beacon.release();
		}
	}

	@Test
	void aReadersOpenIsSeenEvenWhenAProbesOpenMergesWithIt() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Path other = Fifos.create(this.dir.resolve("billing.fifo"));
		Process billing = this.children.holdReadEnd(other);
		awaitReader(other);
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		start(Map.of("orders", fifo, "billing", other), (event) -> {
			if (event.getPeer().equals("billing") && event.getStatus() == PeerStatus.DOWN) {
				busy.countDown();
				await().atMost(WITHIN).until(() -> release.await(0, TimeUnit.SECONDS));
			}
		});
		await().atMost(WITHIN).until(() -> this.events.size() == 2);
		// Keep the watcher's thread busy in a listener, so that both opens queue up
		// unread.
		ChildProcesses.kill(billing);
		assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
		try (OpenFile reader = this.posix.openReadEnd(fifo)) {
			// Another monitor probes right after the reader's open: inotify merges the
			// two opens.
			assertThat(new FifoPeerProbe(fifo, this.posix).probe().alive()).isTrue();
			release.countDown();
			await().atMost(WITHIN).untilAsserted(() -> assertThat(lastEvent()).hasToString("Peer 'orders' DOWN -> UP"));
		}
	}

	@Test
	void aPidFilePeersExitIsPublishedThroughItsPidfd() throws Exception {
		Process daemon = this.children.start("sleep", "600");
		Path pidFile = Files.writeString(this.dir.resolve("daemon.pid"), daemon.pid() + "\n");
		startWatching(Map.of("daemon", new PidFilePeerProbe(pidFile, this.posix)), OFF, OFF);
		awaitEvents("Peer 'daemon' UNKNOWN -> UP");
		assertThat(this.watcher.isWatched("daemon")).isTrue();
		ChildProcesses.kill(daemon);
		awaitEvents("Peer 'daemon' UNKNOWN -> UP", "Peer 'daemon' UP -> DOWN (STALE_PID)");
	}

	@Test
	void aPidFilePeerThatExitsBetweenItsProbeAndItsPidfdStaysWatched() throws Exception {
		Process daemon = this.children.start("sleep", "600");
		Path pidFile = Files.writeString(this.dir.resolve("daemon.pid"), daemon.pid() + "\n");
		PidFilePeerProbe pidFileProbe = new PidFilePeerProbe(pidFile, this.posix);
		AtomicBoolean first = new AtomicBoolean(true);
		PeerProbe exitsAfterItsFirstProbe = new PeerProbe() {

			@Override
			public ProbeResult probe() {
				ProbeResult result = pidFileProbe.probe();
				if (first.getAndSet(false)) {
					ChildProcesses.kill(daemon);
				}
				return result;
			}

			@Override
			public String kind() {
				return pidFileProbe.kind();
			}

			@Override
			public Map<String, Object> inputs() {
				return pidFileProbe.inputs();
			}

			@Override
			public WatchTarget watchTarget() {
				return pidFileProbe.watchTarget();
			}

		};
		startWatching(Map.of("daemon", exitsAfterItsFirstProbe), OFF, OFF);
		awaitEvents("Peer 'daemon' UNKNOWN -> DOWN (STALE_PID)");
		assertThat(this.watcher.isWatched("daemon")).isTrue();
		Process restarted = this.children.start("sleep", "600");
		Files.writeString(pidFile, restarted.pid() + "\n");
		awaitEvents("Peer 'daemon' UNKNOWN -> DOWN (STALE_PID)", "Peer 'daemon' DOWN -> UP");
	}

	@Test
	void aPidFileWrittenLaterIsSeenWhenRenamedIntoPlace() throws Exception {
		Path pidFile = this.dir.resolve("run/daemon.pid");
		startWatching(Map.of("daemon", new PidFilePeerProbe(pidFile, this.posix)), OFF, OFF);
		awaitEvents("Peer 'daemon' UNKNOWN -> DOWN (MISSING)");
		Process daemon = this.children.start("sleep", "600");
		Files.createDirectories(pidFile.getParent());
		Path written = Files.writeString(pidFile.resolveSibling("daemon.pid.tmp"), daemon.pid() + "\n");
		Files.move(written, pidFile, StandardCopyOption.ATOMIC_MOVE);
		awaitEvents("Peer 'daemon' UNKNOWN -> DOWN (MISSING)", "Peer 'daemon' DOWN -> UP");
	}

	@Test
	void theSafetyNetFindsAChangeNoEventTells() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		this.children.holdReadEnd(fifo);
		awaitReader(fifo);
		startWatching(Map.of("orders", new FifoPeerProbe(fifo, this.posix)), OFF, Duration.ofMillis(200));
		awaitEvents("Peer 'orders' UNKNOWN -> UP");
		// The old FIFO keeps its reader, so the held end reports nothing; the path names
		// a FIFO without
		// one. Renamed over the old one, so that no round sees the path empty.
		Path replacement = Fifos.create(this.dir.resolve("orders.fifo.new"));
		Files.move(replacement, fifo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)");
	}

	@Test
	void aLinkOnThePathPointedAtAnotherReleaseIsSeenByTheNextHealthProbeWhichMakesTheWatcherProbeAgain()
			throws Exception {
		Path release1 = Files.createDirectories(this.dir.resolve("release-1/peers")).getParent();
		Path release2 = Files.createDirectories(this.dir.resolve("release-2/peers")).getParent();
		Path live = Fifos.create(release1.resolve("peers/orders.fifo"));
		this.children.holdReadEnd(live);
		awaitReader(live);
		Path current = Files.createSymbolicLink(this.dir.resolve("current"), release2.getFileName());
		FifoPeerProbe probe = new FifoPeerProbe(current.resolve("peers/orders.fifo"), this.posix);
		startWatching(Map.of("orders", probe), OFF, OFF);
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (MISSING)");
		// In one rename, further up than the watched folder: its watch hears nothing.
		Path next = Files.createSymbolicLink(this.dir.resolve("current.new"), release1.getFileName());
		Files.move(next, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		ProbeResult seen = probe.probe();
		assertThat(seen.alive()).isTrue();
		this.watcher.probed("orders", seen);
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (MISSING)", "Peer 'orders' DOWN -> UP");
	}

	@Test
	void aProbeOfAnotherKindIsPolled() {
		SwitchableProbe custom = new SwitchableProbe();
		startWatching(Map.of("custom", custom), Duration.ofMillis(50), OFF);
		awaitEvents("Peer 'custom' UNKNOWN -> DOWN (ERROR)");
		custom.setAlive(true);
		awaitEvents("Peer 'custom' UNKNOWN -> DOWN (ERROR)", "Peer 'custom' DOWN -> UP");
		assertThat(this.watcher.isWatched("custom")).isFalse();
		assertThat(this.watcher.watchedResult("custom")).isEmpty();
		assertThat(this.output.text())
			.contains("Peer 'custom' is probed every 50 ms ('fifo-liveness.monitor.poll-interval')"
					+ " instead of watched: its probe has no watch target (PeerProbe.watchTarget())");
	}

	@Test
	void aProbeOfYourOwnThatNamesItsFifoIsWatched() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		PeerProbe own = new OwnFifoProbe(fifo, this.posix);
		Process orders = this.children.holdReadEnd(fifo);
		awaitReader(fifo);
		// Neither polled nor probed by a safety net: the DOWN can only come from the
		// kernel.
		startWatching(Map.of("orders", own), OFF, OFF);
		awaitEvents("Peer 'orders' UNKNOWN -> UP");
		assertThat(this.watcher.isWatched("orders")).isTrue();
		ChildProcesses.kill(orders);
		awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)");
	}

	@Test
	void aListenerThatThrowsDoesNotEndTheWatching() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		start(Map.of("orders", fifo), (event) -> {
			if (event.getStatus() == PeerStatus.DOWN) {
				throw new IllegalStateException("listener failed");
			}
		});
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (NO_READER)");
		Process orders = this.children.holdReadEnd(fifo);
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (NO_READER)", "Peer 'orders' DOWN -> UP");
		ChildProcesses.kill(orders);
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (NO_READER)", "Peer 'orders' DOWN -> UP",
				"Peer 'orders' UP -> DOWN (NO_READER)");
		assertThat(this.output.text()).contains("Probing peer 'orders' or publishing its change failed");
	}

	@Test
	void aFailingLoopFallsBackToPollingAndTheEventsKeepComing() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Process orders = this.children.holdReadEnd(fifo);
		awaitReader(fifo);
		Map<String, PeerProbe> probes = Map.of("orders", new FifoPeerProbe(fifo, this.posix));
		this.watcher = new PeerWatcher(new Peers(probes), OFF, OFF,
				(event) -> this.events.add((PeerStatusChange) event), this.posix);
		this.watcher.beforeEachWait(() -> {
			if (!this.events.isEmpty()) {
				throw new IllegalStateException("the loop failed");
			}
		});
		this.watcher.start();
		awaitEvents("Peer 'orders' UNKNOWN -> UP");
		await().atMost(WITHIN).until(() -> !this.watcher.isWatched("orders"));

		ChildProcesses.kill(orders);
		awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)");
		this.children.holdReadEnd(fifo);
		awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)", "Peer 'orders' DOWN -> UP");
		assertThat(this.output.text().split("Watching peers failed", -1)).as("one ERROR").hasSize(2);
		assertThat(this.output.text()).contains("ERROR")
			.contains("Watching peers failed: every peer and peer folder is probed every 1000 ms from now on (the"
					+ " default, as 'fifo-liveness.monitor.poll-interval' is PT0S) instead")
			.contains("java.lang.IllegalStateException: the loop failed");
	}

	@Test
	void aDaemonBackWithinItsGracePeriodPublishesNothingButIsCountedAndWatchedTruly() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Process orders = this.children.holdReadEnd(fifo);
		Peers peers = watchUpWithGracePeriod(fifo, Duration.ofHours(1));

		ChildProcesses.kill(orders);
		await().atMost(WITHIN).until(() -> peers.downs("orders").count() == 1);
		assertThat(this.watcher.watchedResult("orders")).as("the watched state never waits")
			.hasValueSatisfying((result) -> assertThat(result.reason()).isEqualTo(DownReason.NO_READER));
		this.children.holdReadEnd(fifo);
		await().atMost(WITHIN).until(() -> this.watcher.watchedResult("orders").map(ProbeResult::alive).orElse(false));
		assertThat(this.events).map(PeerStatusChange::toString).containsExactly("Peer 'orders' UNKNOWN -> UP");
		assertThat(this.output.text()).doesNotContain("Peer 'orders' is");
	}

	@Test
	void aDaemonDownForItsGracePeriodIsPublishedAsDownThen() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Process orders = this.children.holdReadEnd(fifo);
		Peers peers = watchUpWithGracePeriod(fifo, Duration.ofMillis(200));
		ChildProcesses.kill(orders);
		awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)");
		assertThat(peers.downs("orders").count()).isOne();
	}

	@Test
	void aFlappingHolderLogsAFewLinesButEveryChangeIsAnEvent() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		start(Map.of("orders", fifo));
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (NO_READER)");
		// Opens and closes its end 50 times a second for a second, then holds it.
		this.children.start("sh", "-c", "i=0; while [ $i -lt 50 ]; do exec 3<>\"$0\"; sleep 0.01; exec 3<&-;"
				+ " sleep 0.01; i=$((i+1)); done; exec 3<>\"$0\"; exec sleep 600", fifo.toString());
		await().atMost(Duration.ofSeconds(40))
			.until(() -> this.output.text().contains("Peer 'orders' has held still for 10 s after flapping"));
		List<String> lines = this.output.text().lines().filter((line) -> line.contains("Peer 'orders'")).toList();
		assertThat(lines.stream().filter((line) -> line.contains("Peer 'orders' is "))).hasSizeLessThanOrEqualTo(6);
		assertThat(lines.stream().filter((line) -> line.contains("Peer 'orders' flaps: "))).hasSizeLessThanOrEqualTo(1);
		assertThat(lines.get(lines.size() - 1)).contains(": it is UP, and its changes are logged again");
		assertThat(this.events).as("every change an event").hasSizeGreaterThan(lines.size());
		assertThat(lastEvent()).hasToString("Peer 'orders' DOWN -> UP");
		assertThat(this.watcher.watchedResult("orders"))
			.hasValueSatisfying((result) -> assertThat(result.alive()).isTrue());
	}

	@Test
	void stoppedWatcherIsNoLongerWatching() {
		Path fifo = this.dir.resolve("orders.fifo");
		start(Map.of("orders", fifo));
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (MISSING)");
		assertThat(this.watcher.isRunning()).isTrue();
		this.watcher.stop();
		assertThat(this.watcher.isRunning()).isFalse();
		assertThat(this.watcher.isWatched("orders")).isFalse();
	}

	@Test
	void aRestartAfterASlowStopRunsAfterTheOldRunEndsNotBesideIt() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Process orders = this.children.holdReadEnd(fifo);
		awaitReader(fifo);
		CountDownLatch release = new CountDownLatch(1);
		List<Thread> heldUp = new CopyOnWriteArrayList<>();
		// A listener held up past stop()'s second, deaf to its interrupt.
		start(Map.of("orders", fifo), (event) -> {
			if (event.getStatus() == PeerStatus.DOWN && heldUp.isEmpty()) {
				heldUp.add(Thread.currentThread());
				awaitUninterruptibly(release);
			}
		});
		awaitEvents("Peer 'orders' UNKNOWN -> UP");
		ChildProcesses.kill(orders);
		await().atMost(WITHIN).until(() -> !heldUp.isEmpty());
		this.watcher.stop();
		assertThat(this.output.text()).contains("The peer watcher did not stop within a second");

		this.watcher.start();
		this.children.holdReadEnd(fifo);
		release.countDown();
		await().atMost(WITHIN).until(() -> !heldUp.get(0).isAlive());
		awaitEvents("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)", "Peer 'orders' DOWN -> UP");
		assertThat(this.watcher.isWatched("orders")).isTrue();
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (latch.getCount() > 0) {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aHolderThatStartsLateWithinTheStartupGraceIsUpWithNoDownBefore() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, this.posix)), Map.of(),
				Map.of("orders", Duration.ofSeconds(30)));
		startWatching(peers, OFF, OFF);
		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(this.watcher.watchedResult("orders"))
				.hasValueSatisfying((result) -> assertThat(result.reason()).isEqualTo(DownReason.NO_READER)));
		assertThat(this.events).as("not DOWN within the grace").isEmpty();
		assertThat(peers.startupGraceLeft("orders")).isPresent();
		this.children.holdReadEnd(fifo);
		awaitEvents("Peer 'orders' UNKNOWN -> UP");
		assertThat(peers.startupGraceLeft("orders")).isEmpty();
		assertThat(peers.downs("orders").count()).isZero();
		assertThat(this.output.text()).doesNotContain("Peer 'orders' is DOWN");
	}

	@Test
	void aPeerThatNeverStartsIsDownOnceItsStartupGraceHasPassed() {
		Path fifo = this.dir.resolve("orders.fifo");
		List<Long> published = new CopyOnWriteArrayList<>();
		long started = System.nanoTime();
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, this.posix)), Map.of(),
				Map.of("orders", Duration.ofSeconds(2)));
		startWatching(peers, OFF, OFF, (event) -> published.add(System.nanoTime()));
		awaitEvents("Peer 'orders' UNKNOWN -> DOWN (MISSING)");
		assertThat(Duration.ofNanos(published.get(0) - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(this.output.text()).contains("Peer 'orders' is DOWN (MISSING)");
		assertThat(peers.startupGraceLeft("orders")).isEmpty();
	}

	private void start(Map<String, Path> fifos) {
		start(fifos, (event) -> {
		});
	}

	private void start(Map<String, Path> fifos, Consumer<PeerStatusChange> listener) {
		Map<String, PeerProbe> probes = new LinkedHashMap<>();
		fifos.forEach((name, fifo) -> probes.put(name, new FifoPeerProbe(fifo, this.posix)));
		startWatching(probes, OFF, OFF, listener);
	}

	private void startWatching(Map<String, PeerProbe> probes, Duration pollInterval, Duration safetyNetInterval) {
		startWatching(probes, pollInterval, safetyNetInterval, (event) -> {
		});
	}

	private void startWatching(Map<String, PeerProbe> probes, Duration pollInterval, Duration safetyNetInterval,
			Consumer<PeerStatusChange> listener) {
		startWatching(new Peers(probes), pollInterval, safetyNetInterval, listener);
	}

	private void startWatching(Peers peers, Duration pollInterval, Duration safetyNetInterval) {
		startWatching(peers, pollInterval, safetyNetInterval, (event) -> {
		});
	}

	private void startWatching(Peers peers, Duration pollInterval, Duration safetyNetInterval,
			Consumer<PeerStatusChange> listener) {
		this.watcher = new PeerWatcher(peers, pollInterval, safetyNetInterval, (event) -> {
			this.events.add((PeerStatusChange) event);
			listener.accept((PeerStatusChange) event);
		}, this.posix);
		this.watcher.start();
	}

	private Peers watchUpWithGracePeriod(Path fifo, Duration downAfter) {
		awaitReader(fifo);
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, this.posix)), Map.of("orders", downAfter));
		startWatching(peers, OFF, OFF);
		awaitEvents("Peer 'orders' UNKNOWN -> UP");
		return peers;
	}

	private void awaitReader(Path fifo) {
		FifoPeerProbe probe = new FifoPeerProbe(fifo, this.posix);
		await().atMost(WITHIN).until(() -> probe.probe().alive());
	}

	private void awaitEvents(String... expected) {
		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(this.events).map(PeerStatusChange::toString).containsExactly(expected));
	}

	private PeerStatusChange lastEvent() {
		assertThat(this.events).isNotEmpty();
		return this.events.get(this.events.size() - 1);
	}

	private static long inode(Path path) throws Exception {
		return (long) Files.getAttribute(path, "unix:ino");
	}

}
