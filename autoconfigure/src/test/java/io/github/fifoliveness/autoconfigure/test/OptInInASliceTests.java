package io.github.fifoliveness.autoconfigure.test;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.fifoliveness.autoconfigure.AutoConfigureFifoLiveness;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureFifoLiveness} brings the beacons and the PID file to a context that
 * loads no auto-configuration of its own, as a test slice such as {@code @WebMvcTest}
 * loads only its own.
 */
@SpringBootTest(classes = OptInInASliceTests.Slice.class)
@AutoConfigureFifoLiveness(pidFile = true)
class OptInInASliceTests {

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
	void beaconAndPidFileAreThere() throws Exception {
		assertThat(new FifoPeerProbe(dir.resolve("app.fifo"), NativePosix.get()).probe().alive()).isTrue();
		assertThat(Files.readString(dir.resolve("app.pid"))).isEqualTo(ProcessHandle.current().pid() + "\n");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	static class Slice {

	}

}
