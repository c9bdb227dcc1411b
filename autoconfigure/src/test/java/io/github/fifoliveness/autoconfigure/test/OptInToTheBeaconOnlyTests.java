package io.github.fifoliveness.autoconfigure.test;

import java.nio.file.Path;

import io.github.fifoliveness.autoconfigure.AutoConfigureFifoLiveness;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureFifoLiveness} alone gives a test the beacon but not the PID file,
 * which a test that moves its beacon easily leaves at the application's path.
 */
@SpringBootTest(classes = FifoLivenessTestApplication.class)
@AutoConfigureFifoLiveness
class OptInToTheBeaconOnlyTests {

	@TempDir
	static Path dir;

	@Autowired
	LivenessBeacon beacon;

	@DynamicPropertySource
	static void applicationConfiguration(DynamicPropertyRegistry registry) {
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("app.fifo").toString());
		registry.add("fifo-liveness.pid-file", () -> dir.resolve("app.pid").toString());
	}

	@Test
	void beaconIsHeldAndNoPidFileWritten() {
		assertThat(this.beacon.isHeld()).isTrue();
		assertThat(dir.resolve("app.pid")).doesNotExist();
	}

}
