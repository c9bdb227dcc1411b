package com.example.orders.monitor;

import java.nio.file.Path;

import io.github.fifoliveness.autoconfigure.AutoConfigureFifoLiveness;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// A test that wants a beacon asks for one, on a path of its own, and closes its context
// before JUnit deletes the folder.
@SpringBootTest
@ActiveProfiles("beacon-test")
@AutoConfigureFifoLiveness
@DirtiesContext
class BeaconOptInTests {

	@TempDir
	static Path dir;

	@Autowired
	LivenessBeacon beacon;

	@DynamicPropertySource
	static void beaconPath(DynamicPropertyRegistry registry) {
		registry.add("fifo-liveness.beacon.path", () -> dir.resolve("orders-monitor.fifo").toString());
	}

	@Test
	void holdsItsOwnBeacon() {
		assertThat(this.beacon.isHeld()).isTrue();
		assertThat(this.beacon.getPath()).isEqualTo(dir.resolve("orders-monitor.fifo"));
	}

}
