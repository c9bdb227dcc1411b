package io.github.fifoliveness.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.ConsoleOutput;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for a {@link PeerWatcher} that polls (watching off), and for the rounds of probes
 * it makes, with a real peer process.
 */
class PeerWatcherPollingTests {

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@RegisterExtension
	final ConsoleOutput output = new ConsoleOutput();

	@TempDir
	Path dir;

	private final List<PeerStatusChange> events = new CopyOnWriteArrayList<>();

	@Test
	void publishesEachTransitionOnceAndLogsItOnce() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Runnable poller = rounds(fifo, Duration.ZERO);
		Process orders = this.children.holdReadEnd(fifo);
		await().atMost(Duration.ofSeconds(10)).until(() -> new FifoPeerProbe(fifo, NativePosix.get()).probe().alive());

		poller.run();
		poller.run();
		assertThat(this.events).singleElement().hasToString("Peer 'orders' UNKNOWN -> UP");

		ChildProcesses.kill(orders);
		poller.run();
		poller.run();
		assertThat(this.events).hasSize(2);
		PeerStatusChange down = this.events.get(1);
		assertThat(down.getPreviousStatus()).isEqualTo(PeerStatus.UP);
		assertThat(down.getStatus()).isEqualTo(PeerStatus.DOWN);
		assertThat(down.getReason()).isEqualTo(DownReason.NO_READER);

		this.children.holdReadEnd(fifo);
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			poller.run();
			return this.events.size() == 3;
		});
		assertThat(this.events.get(2)).hasToString("Peer 'orders' DOWN -> UP");
		assertThat(this.output.text().split("Peer 'orders' is DOWN \\(NO_READER\\)", -1)).as("one WARN").hasSize(2);
		assertThat(this.output.text().split("Peer 'orders' is UP again", -1)).as("one INFO").hasSize(2);
	}

	@Test
	void aChangeOfDownReasonIsAnEventToo() throws Exception {
		Path fifo = this.dir.resolve("orders.fifo");
		Runnable poller = rounds(fifo, Duration.ZERO);
		poller.run();
		Fifos.create(fifo);
		poller.run();
		assertThat(this.events).extracting(PeerStatusChange::getReason)
			.containsExactly(DownReason.MISSING, DownReason.NO_READER);
	}

	@Test
	void pollsOnItsOwnUntilStoppedWithWatchingOff() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		PeerWatcher poller = poller(fifo, Duration.ofMillis(50));
		poller.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> !this.events.isEmpty());
			this.children.holdReadEnd(fifo);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.events.size() == 2);
		}
		finally {
			poller.stop();
		}
		assertThat(poller.isRunning()).isFalse();
	}

	@Test
	void zeroIntervalNeverPolls() {
		PeerWatcher poller = poller(this.dir.resolve("orders.fifo"), Duration.ZERO);
		poller.start();
		assertThat(poller.isRunning()).isFalse();
		assertThat(this.events).isEmpty();
	}

	@Test
	void stopReturnsWhileAProbeIsStuckInTheKernel() throws Exception {
		// A blocking open of a FIFO without writer stands for a probe stuck in the
		// kernel.
		Path fifo = Fifos.create(this.dir.resolve("stuck.fifo"));
		CountDownLatch entered = new CountDownLatch(1);
		PeerProbe stuck = new StuckProbe(fifo, entered);
		PeerWatcher poller = poller(new Peers(Map.of("stuck", stuck)), Duration.ofMillis(50));
		poller.start();
		try {
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			assertTimeoutPreemptively(Duration.ofSeconds(5), () -> poller.stop());
			assertThat(poller.isRunning()).isFalse();
		}
		finally {
			NativePosix.get().openWriteEndAndClose(fifo, NativePosix.ANY_OWNER);
		}
	}

	@Test
	void warnsOnceWhenRoundsOfProbesKeepTakingLongerThanTheInterval() {
		Map<String, PeerProbe> probes = new LinkedHashMap<>();
		for (int i = 0; i < 2000; i++) {
			probes.put("peer-" + i, new FifoPeerProbe(this.dir.resolve("peer-" + i + ".fifo"), NativePosix.get()));
		}
		Peers peers = new Peers(probes);
		PeerStatusTracker tracker = new PeerStatusTracker(LoggerFactory.getLogger(PeerWatcher.class), (event) -> {
		}, peers, System::nanoTime);
		ProbeRounds rounds = new ProbeRounds(tracker);
		Runnable poller = () -> rounds.probe(peers.probes(), Duration.ofNanos(1000));
		poller.run();
		poller.run();
		assertThat(this.output.text()).as("not after two rounds").doesNotContain("Probing 2000 peers took");
		for (int round = 0; round < 5; round++) {
			poller.run();
		}
		assertThat(this.output.text().split("Probing 2000 peers took ", -1)).as("one WARN").hasSize(2);
		assertThat(this.output.text())
			.contains("3 rounds in a row longer than 'fifo-liveness.monitor.poll-interval' (0.001 ms)");
	}

	@Test
	void intervalShorterThanAMillisecondStillPolls() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		PeerWatcher poller = poller(fifo, Duration.ofNanos(500_000));
		poller.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> !this.events.isEmpty());
		}
		finally {
			poller.stop();
		}
	}

	@Test
	void roundsWithinTheIntervalAreNotReported() {
		Runnable poller = rounds(this.dir.resolve("orders.fifo"), Duration.ofHours(1));
		poller.run();
		assertThat(this.output.text()).doesNotContain("poll-interval");
	}

	private record StuckProbe(Path fifo, CountDownLatch entered) implements PeerProbe {

		@Override
		public ProbeResult probe() {
			this.entered.countDown();
			try (InputStream in = Files.newInputStream(this.fifo)) {
				return ProbeResult.ALIVE;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public String kind() {
			return "stuck";
		}

		@Override
		public Map<String, Object> inputs() {
			return Map.of();
		}

	}

	@Test
	void aDownIsPublishedOnceThePeerStayedDownForItsGracePeriodAndCounted() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Process orders = this.children.holdReadEnd(fifo);
		FifoPeerProbe probe = new FifoPeerProbe(fifo, NativePosix.get());
		await().atMost(Duration.ofSeconds(10)).until(() -> probe.probe().alive());
		Peers peers = new Peers(Map.of("orders", probe), Map.of("orders", Duration.ofMillis(300)));
		PeerWatcher poller = poller(peers, Duration.ofMillis(50));
		poller.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.events.size() == 1);
			ChildProcesses.kill(orders);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.events).map(PeerStatusChange::toString)
					.containsExactly("Peer 'orders' UNKNOWN -> UP", "Peer 'orders' UP -> DOWN (NO_READER)"));
			assertThat(peers.downs("orders").count()).isOne();
		}
		finally {
			poller.stop();
		}
	}

	private PeerWatcher poller(Path fifo, Duration interval) {
		return poller(new Peers(Map.of("orders", new FifoPeerProbe(fifo, NativePosix.get()))), interval);
	}

	private PeerWatcher poller(Peers peers, Duration interval) {
		return new PeerWatcher(peers, List.of(), new WatchSettings(false, interval, Duration.ZERO),
				(event) -> this.events.add(event), (change) -> {
				}, NativePosix.get());
	}

	// One round of probes each run, as the watcher makes them every poll interval.
	private Runnable rounds(Path fifo, Duration interval) {
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, NativePosix.get())));
		PeerStatusTracker tracker = new PeerStatusTracker(LoggerFactory.getLogger(PeerWatcher.class),
				(event) -> this.events.add(event), peers, System::nanoTime);
		ProbeRounds rounds = new ProbeRounds(tracker);
		return () -> rounds.probe(peers.probes(), interval);
	}

}
