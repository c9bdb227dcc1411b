package io.github.fifoliveness.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.PidFilePeerProbe;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.Fifos;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static double up(SimpleMeterRegistry registry, String peer, String kind) {
		return registry.get("fifo.liveness.peer.up").tags("peer", peer, "kind", kind).gauge().value();
	}

}
