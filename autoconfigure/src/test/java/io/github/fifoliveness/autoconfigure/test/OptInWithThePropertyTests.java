package io.github.fifoliveness.autoconfigure.test;

import java.nio.file.Path;

import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fifo-liveness.test.beacon=true} gives a test the application's beacon, but not
 * its PID file.
 */
@SpringBootTest(classes = FifoLivenessTestApplication.class, properties = "fifo-liveness.test.beacon=true")
class OptInWithThePropertyTests {

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
		assertThat(this.beacon.getPath()).isEqualTo(dir.resolve("app.fifo"));
		assertThat(dir.resolve("app.pid")).doesNotExist();
	}

}
