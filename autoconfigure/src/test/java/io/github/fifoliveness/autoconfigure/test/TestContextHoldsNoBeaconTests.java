package io.github.fifoliveness.autoconfigure.test;

import java.nio.file.Path;

import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.autoconfigure.beacon.ReadinessBeacon;
import io.github.fifoliveness.peer.DownReason;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.pidfile.ApplicationPidFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test's application context holds neither the application's beacons nor its PID file,
 * though its configuration names all three, and still probes its peers.
 */
@SpringBootTest(classes = FifoLivenessTestApplication.class)
class TestContextHoldsNoBeaconTests {

	@TempDir
	static Path dir;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void applicationConfiguration(DynamicPropertyRegistry registry) {
		registry.add("fifo-liveness.beacon.enabled", () -> "true");
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("app.fifo").toString());
		registry.add("fifo-liveness.beacon.readiness-path", () -> dir.resolve("app-ready.fifo").toString());
		registry.add("fifo-liveness.pid-file", () -> dir.resolve("app.pid").toString());
		registry.add("fifo-liveness.peers.orders.path", () -> dir.resolve("orders.fifo").toString());
	}

	@Test
	void noBeaconNoReadinessBeaconNoPidFile() {
		assertThat(this.context.getBeanProvider(LivenessBeacon.class).getIfAvailable()).isNull();
		assertThat(this.context.getBeanProvider(ReadinessBeacon.class).getIfAvailable()).isNull();
		assertThat(this.context.getBeanProvider(ApplicationPidFile.class).getIfAvailable()).isNull();
		assertThat(dir).isEmptyDirectory();
	}

	@Test
	void peersAreProbedAsOutsideTests() {
		assertThat(this.context.getBean(Peers.class).probes().get("orders").probe().reason())
			.isEqualTo(DownReason.MISSING);
	}

}
