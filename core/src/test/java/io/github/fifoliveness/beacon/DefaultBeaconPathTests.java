package io.github.fifoliveness.beacon;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultBeaconPath}.
 */
class DefaultBeaconPathTests {

	private static final Map<String, String> SYSTEM = Map.of("user.name", "alice", "java.io.tmpdir", "/var/tmp");

	private static final int UID = 4711;

	@Test
	void runtimeFolderIsPreferred() {
		assertThat(path("orders", Map.of("XDG_RUNTIME_DIR", "/run/user/1000")::get, SYSTEM::get))
			.isEqualTo(Path.of("/run/user/1000/orders/orders.fifo"));
	}

	@Test
	void withoutRuntimeFolderAUserFolderUnderTmpIsUsed() {
		assertThat(path("orders", Map.<String, String>of()::get, SYSTEM::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-alice/orders/orders.fifo"));
	}

	@Test
	void relativeOrBlankRuntimeFolderIsIgnored() {
		assertThat(path("orders", Map.of("XDG_RUNTIME_DIR", "run")::get, SYSTEM::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-alice/orders/orders.fifo"));
		assertThat(path("orders", Map.of("XDG_RUNTIME_DIR", " ")::get, SYSTEM::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-alice/orders/orders.fifo"));
	}

	@Test
	void applicationWithoutNameUsesFallbackName() {
		assertThat(path(null, Map.of("XDG_RUNTIME_DIR", "/run/user/0")::get, SYSTEM::get))
			.isEqualTo(Path.of("/run/user/0/application/application.fifo"));
	}

	@Test
	void namesThatCouldClimbOrSplitThePathStayOneSegment() {
		assertThat(path("../etc/x y", Map.of("XDG_RUNTIME_DIR", "/run/user/0")::get, SYSTEM::get))
			.isEqualTo(Path.of("/run/user/0/.._etc_x_y/.._etc_x_y.fifo"));
		assertThat(path("..", Map.of("XDG_RUNTIME_DIR", "/run/user/0")::get, SYSTEM::get))
			.isEqualTo(Path.of("/run/user/0/application/application.fifo"));
	}

	@Test
	void userWithoutAPasswdEntryGetsAFolderNamedByUid() {
		// The JVM's user.name for a uid without a passwd entry.
		assertThat(path("orders", Map.<String, String>of()::get,
				Map.of("user.name", "?", "java.io.tmpdir", "/var/tmp")::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-4711/orders/orders.fifo"));
	}

	@Test
	void userNameThatIsNotAPlainFileNameIsReplacedByTheUid() {
		for (String name : new String[] { "..", ".hidden", "a b", "j\u00f6rg", "x/y", " " }) {
			assertThat(path("orders", Map.<String, String>of()::get,
					Map.of("user.name", name, "java.io.tmpdir", "/var/tmp")::get))
				.as(name)
				.isEqualTo(Path.of("/var/tmp/fifo-liveness-4711/orders/orders.fifo"));
		}
	}

	@Test
	void plainUserNamesAreKept() {
		assertThat(path("orders", Map.<String, String>of()::get,
				Map.of("user.name", "svc_orders-2.eu", "java.io.tmpdir", "/var/tmp")::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-svc_orders-2.eu/orders/orders.fifo"));
	}

	private static Path path(String applicationName, UnaryOperator<String> environment,
			UnaryOperator<String> systemProperties) {
		return DefaultBeaconPath.forApplication(applicationName, environment, systemProperties, () -> UID);
	}

}
