package io.github.fifoliveness.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Peers} and the recording of their probes.
 */
class PeersTests {

	@TempDir
	Path dir;

	@Test
	void everyRecorderHearsOfEveryProbeAndOneThatThrowsCostsTheProbeNothing() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, NativePosix.get())));
		List<String> recorded = new CopyOnWriteArrayList<>();
		peers.recordProbesWith((peer, nanos) -> {
			throw new IllegalStateException("registry closed");
		});
		peers.recordProbesWith((peer, nanos) -> recorded.add(peer + " in " + ((nanos > 0) ? "some" : "no") + " time"));

		assertThat(peers.probes().get("orders").probe().reason()).isEqualTo(DownReason.NO_READER);
		assertThat(recorded).containsExactly("orders in some time");
	}

}
