package io.github.fifoliveness.beacon;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultBeaconPath}.
 */
class DefaultBeaconPathTests {

	private static final Map<String, String> SYSTEM = Map.of("user.name", "alice", "java.io.tmpdir", "/var/tmp");

	@Test
	void runtimeFolderIsPreferred() {
		assertThat(DefaultBeaconPath.forApplication("orders", Map.of("XDG_RUNTIME_DIR", "/run/user/1000")::get,
				SYSTEM::get))
			.isEqualTo(Path.of("/run/user/1000/orders/orders.fifo"));
	}

	@Test
	void withoutRuntimeFolderAUserFolderUnderTmpIsUsed() {
		assertThat(DefaultBeaconPath.forApplication("orders", Map.<String, String>of()::get, SYSTEM::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-alice/orders/orders.fifo"));
	}

	@Test
	void relativeOrBlankRuntimeFolderIsIgnored() {
		assertThat(DefaultBeaconPath.forApplication("orders", Map.of("XDG_RUNTIME_DIR", "run")::get, SYSTEM::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-alice/orders/orders.fifo"));
		assertThat(DefaultBeaconPath.forApplication("orders", Map.of("XDG_RUNTIME_DIR", " ")::get, SYSTEM::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-alice/orders/orders.fifo"));
	}

	@Test
	void applicationWithoutNameUsesFallbackName() {
		assertThat(DefaultBeaconPath.forApplication(null, Map.of("XDG_RUNTIME_DIR", "/run/user/0")::get, SYSTEM::get))
			.isEqualTo(Path.of("/run/user/0/application/application.fifo"));
	}

	@Test
	void namesThatCouldClimbOrSplitThePathStayOneSegment() {
		assertThat(DefaultBeaconPath.forApplication("../etc/x y", Map.of("XDG_RUNTIME_DIR", "/run/user/0")::get,
				SYSTEM::get))
			.isEqualTo(Path.of("/run/user/0/.._etc_x_y/.._etc_x_y.fifo"));
		assertThat(DefaultBeaconPath.forApplication("..", Map.of("XDG_RUNTIME_DIR", "/run/user/0")::get, SYSTEM::get))
			.isEqualTo(Path.of("/run/user/0/application/application.fifo"));
	}

}
