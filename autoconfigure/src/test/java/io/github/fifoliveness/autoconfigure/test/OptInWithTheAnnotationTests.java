package io.github.fifoliveness.autoconfigure.test;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.fifoliveness.autoconfigure.AutoConfigureFifoLiveness;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.autoconfigure.beacon.ReadinessBeacon;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureFifoLiveness} gives a test the application's beacons, and with
 * {@code pidFile = true} its PID file.
 */
@SpringBootTest(classes = FifoLivenessTestApplication.class)
@AutoConfigureFifoLiveness(pidFile = true)
class OptInWithTheAnnotationTests {

	@TempDir
	static Path dir;

	@Autowired
	LivenessBeacon beacon;

	@Autowired
	ReadinessBeacon readinessBeacon;

	@DynamicPropertySource
	static void applicationConfiguration(DynamicPropertyRegistry registry) {
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("app.fifo").toString());
		registry.add("fifo-liveness.beacon.readiness-path", () -> dir.resolve("app-ready.fifo").toString());
		registry.add("fifo-liveness.pid-file", () -> dir.resolve("app.pid").toString());
	}

	@Test
	void beaconsAndPidFileAreThere() throws Exception {
		assertThat(new FifoPeerProbe(dir.resolve("app.fifo"), NativePosix.get()).probe().alive()).isTrue();
		assertThat(this.readinessBeacon.getPath()).isEqualTo(dir.resolve("app-ready.fifo"));
		assertThat(Files.readString(dir.resolve("app.pid"))).isEqualTo(ProcessHandle.current().pid() + "\n");
	}

}
