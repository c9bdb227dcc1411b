package io.github.fifoliveness.autoconfigure.beacon;

import io.github.fifoliveness.beacon.FifoBeacon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BeaconHealthIndicator} with a real beacon.
 */
class BeaconHealthIndicatorTests {

	@TempDir
	Path dir;

	@Test
	void upWhileHeldDownWithReasonOtherwise() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		LivenessBeacon beacon = new LivenessBeacon(new FifoBeacon(fifo, true, NativePosix.get()), Duration.ZERO, true);
		BeaconHealthIndicator indicator = new BeaconHealthIndicator(beacon);
		assertThat(indicator.health().getDetails()).containsEntry("reason", "RELEASED");
		beacon.start();
		try {
			assertThat(indicator.health()).isEqualTo(Health.up().withDetail("path", fifo.toString()).build());
			Files.delete(fifo);
			Files.writeString(fifo, "not ours");
			beacon.getFifo().check();
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "NOT_A_FIFO")
				.containsEntry("path", fifo.toString())
				.hasEntrySatisfying("message", (message) -> assertThat((String) message).contains("regular file"));
		}
		finally {
			beacon.stop();
		}
		assertThat(fifo).hasContent("not ours");
	}

	@Test
	void fifoRemovedWhileNoWatcherRunsIsDownOnTheNextHealthCall() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		LivenessBeacon beacon = new LivenessBeacon(new FifoBeacon(fifo, true, NativePosix.get()), Duration.ZERO, true);
		BeaconHealthIndicator indicator = new BeaconHealthIndicator(beacon);
		beacon.start();
		try {
			Files.delete(fifo);
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "MISSING");
			Fifos.create(fifo);
			assertThat(indicator.health().getDetails()).containsEntry("reason", "MISSING")
				.hasEntrySatisfying("message", (message) -> assertThat((String) message).startsWith("Another FIFO took")
					.contains(
							"the watcher is off ('fifo-liveness.beacon.watch-interval=0'), until the application restarts"));
			beacon.getFifo().check();
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			beacon.stop();
		}
	}

}
