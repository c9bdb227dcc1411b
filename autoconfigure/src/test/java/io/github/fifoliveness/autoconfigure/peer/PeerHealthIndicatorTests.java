package io.github.fifoliveness.autoconfigure.peer;

import io.github.fifoliveness.peer.DownReason;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.PeerDownsRecording;
import io.github.fifoliveness.peer.PeerProbe;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PeerHealthIndicator} with real FIFOs.
 */
class PeerHealthIndicatorTests {

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	@Test
	void upWhileAProcessHoldsTheFifoAndDownWithTheReasonOnceNoneDoes() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		PeerHealthIndicator indicator = new PeerHealthIndicator(new FifoPeerProbe(fifo, this.posix));
		try (OpenFile readEnd = this.posix.openReadEnd(fifo)) {
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("path", fifo.toString()).doesNotContainKey("reason");
		}
		Health health = indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("path", fifo.toString())
			.containsEntry("reason", "NO_READER")
			.containsKey("message");
	}

	@Test
	void unknownNotSeenYetWithinTheStartupGraceUntilSeenUpThenDownAsUsual() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, this.posix)), Map.of(),
				Map.of("orders", Duration.ofMinutes(10)));
		PeerHealthIndicator indicator = new PeerHealthIndicator(peers.probes().get("orders"), null, null,
				() -> peers.startupGraceLeft("orders"));
		Health unknown = indicator.health();
		assertThat(unknown.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(unknown.getDetails()).containsEntry("path", fifo.toString())
			.containsEntry("reason", "NOT_SEEN_YET")
			.containsEntry("found", "NO_READER");
		assertThat((String) unknown.getDetails().get("message"))
			.startsWith("Not seen UP since the monitor started, and its start-up grace has 600 s left")
			.contains("No process holds the FIFO open for reading");
		try (OpenFile readEnd = this.posix.openReadEnd(fifo)) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}
		Health down = indicator.health();
		assertThat(down.getStatus()).as("seen UP once, the grace no longer applies").isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("reason", "NO_READER").doesNotContainKey("found");
	}

	@Test
	void downWithTheExceptionWhenAProbeThrows() {
		PeerProbe failing = new PeerProbe() {

			@Override
			public ProbeResult probe() {
				throw new IllegalStateException("probe failed");
			}

			@Override
			public String kind() {
				return "test";
			}

			@Override
			public Map<String, Object> inputs() {
				return Map.of();
			}

		};
		Health health = new PeerHealthIndicator(failing).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "java.lang.IllegalStateException: probe failed");
	}

	@Test
	void downsAndTheLastDownAreInTheDetails() {
		Path fifo = Fifos.create(this.dir.resolve("orders.fifo"));
		Peers peers = new Peers(Map.of("orders", new FifoPeerProbe(fifo, this.posix)));
		PeerHealthIndicator indicator = new PeerHealthIndicator(peers.probes().get("orders"), () -> true,
				peers.downs("orders"));
		assertThat(indicator.health().getDetails()).containsEntry("downs", 0L).doesNotContainKey("lastDown");
		PeerDownsRecording.record(peers.downs("orders"), DownReason.NO_READER);
		assertThat(indicator.health().getDetails()).containsEntry("downs", 1L)
			.containsEntry("lastDown", peers.downs("orders").last().toString());
	}

}
