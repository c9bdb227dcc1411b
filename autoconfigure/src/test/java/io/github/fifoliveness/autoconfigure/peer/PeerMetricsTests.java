package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.WatchSettings;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.PidFilePeerProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.Fifos;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PeerMetrics} with real peers.
 */
class PeerMetricsTests {

	@TempDir
	Path dir;

	@Test
	void gaugeFollowsThePeerAtEachReadAndEveryReadIsTimed() throws Exception {
		NativePosix posix = NativePosix.get();
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Path pidFile = Files.writeString(this.dir.resolve("self.pid"), ProcessHandle.current().pid() + "\n");
		Map<String, PeerProbe> probes = new LinkedHashMap<>();
		probes.put("orders", new FifoPeerProbe(fifo, posix));
		probes.put("self", new PidFilePeerProbe(pidFile, posix));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new PeerMetrics(new Peers(probes)).bindTo(registry);

		assertThat(up(registry, "orders", "fifo")).isZero();
		try (OpenFile readEnd = posix.openReadEnd(fifo)) {
			assertThat(up(registry, "orders", "fifo")).isOne();
		}
		assertThat(up(registry, "orders", "fifo")).isZero();
		assertThat(up(registry, "self", "pid-file")).isOne();
		assertThat(registry.get("fifo.liveness.probe").tags("peer", "orders", "kind", "fifo").timer().count())
			.isEqualTo(3);
	}

	@Test
	void gaugeIsNaNForAPeerNotSeenYetWithinItsStartupGraceThenOneOrZero() throws Exception {
		NativePosix posix = NativePosix.get();
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, posix)), Map.of(),
				Map.of("orders", Duration.ofMinutes(10)));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new PeerMetrics(peers).bindTo(registry);

		assertThat(up(registry, "orders", "fifo")).isNaN();
		try (OpenFile readEnd = posix.openReadEnd(fifo)) {
			assertThat(up(registry, "orders", "fifo")).isOne();
		}
		assertThat(up(registry, "orders", "fifo")).as("seen UP once, the grace no longer applies").isZero();
	}

	@Test
	void theTimerRecordsEveryProbeWhoeverAsks() throws Exception {
		NativePosix posix = NativePosix.get();
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, posix)));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new PeerMetrics(peers).bindTo(registry);

		new PeerHealthIndicator(peers.probes().get("orders")).health();
		CountDownLatch polled = new CountDownLatch(1);
		PeerWatcher poller = new PeerWatcher(peers, List.of(),
				new WatchSettings(false, Duration.ofHours(1), Duration.ZERO), (event) -> polled.countDown(),
				(change) -> {
				}, posix);
		poller.start();
		try {
			assertThat(polled.await(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			poller.stop();
		}
		up(registry, "orders", "fifo");

		assertThat(registry.get("fifo.liveness.probe").tags("peer", "orders", "kind", "fifo").timer().count())
			.isEqualTo(3);
	}

	@Test
	void gaugeOfAWatchedPeerReadsTheWatchedStateWithoutProbing() throws Exception {
		NativePosix posix = NativePosix.get();
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		PeerWatcher watcher = watchedWithMetrics(fifo, registry);
		try {
			assertThat(up(registry, "orders", "fifo")).isZero();
			try (OpenFile readEnd = posix.openReadEnd(fifo)) {
				await().atMost(Duration.ofSeconds(10)).until(() -> up(registry, "orders", "fifo") == 1);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> up(registry, "orders", "fifo") == 0);
			assertThat(registry.get("fifo.liveness.probe").tags("peer", "orders").timer().count())
				.as("no probe made for the gauge")
				.isZero();
		}
		finally {
			watcher.stop();
		}
		assertThat(up(registry, "orders", "fifo")).as("probed once no longer watched").isZero();
		assertThat(registry.get("fifo.liveness.probe").tags("peer", "orders").timer().count()).isOne();
	}

	@Test
	void everyDownTheWatcherSeesIsCountedWithItsReason() throws Exception {
		NativePosix posix = NativePosix.get();
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		PeerWatcher watcher = watchedWithMetrics(fifo, registry);
		try {
			assertThat(registry.find("fifo.liveness.peer.downs").counters()).as("never up, never down").isEmpty();
			for (int down = 1; down <= 2; down++) {
				try (OpenFile readEnd = posix.openReadEnd(fifo)) {
					await().atMost(Duration.ofSeconds(10)).until(() -> up(registry, "orders", "fifo") == 1);
				}
				int downs = down;
				await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.find("fifo.liveness.peer.downs")
						.tags("peer", "orders", "kind", "fifo", "reason", "NO_READER")
						.counter() != null && registry.get("fifo.liveness.peer.downs").counter().count() == downs);
			}
		}
		finally {
			watcher.stop();
		}
	}

	// Returns once the watcher has the peer's first result.
	private static PeerWatcher watchedWithMetrics(Path fifo, SimpleMeterRegistry registry) {
		NativePosix posix = NativePosix.get();
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, posix)));
		PeerWatcher watcher = new PeerWatcher(peers, Duration.ZERO, Duration.ZERO, (event) -> {
		}, posix);
		new PeerMetrics(peers, watcher).bindTo(registry);
		watcher.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> watcher.watchedResult("orders").isPresent());
		return watcher;
	}

	private static double up(SimpleMeterRegistry registry, String peer, String kind) {
		return registry.get("fifo.liveness.peer.up").tags("peer", peer, "kind", kind).gauge().value();
	}

}
