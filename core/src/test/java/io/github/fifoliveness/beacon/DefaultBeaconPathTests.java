package io.github.fifoliveness.beacon;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.fifoliveness.posix.NativePosix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultBeaconPath}.
 */
class DefaultBeaconPathTests {

	private static final Map<String, String> SYSTEM = Map.of("user.name", "alice", "java.io.tmpdir", "/var/tmp");

	// This process's uid, which owns the temporary runtime folder.
	private static final int UID = NativePosix.get().effectiveUid();

	@TempDir
	Path runtime;

	@Test
	void runtimeFolderIsPreferred() {
		assertThat(path("orders", runtimeFolder(), SYSTEM::get)).isEqualTo(this.runtime.resolve("orders/orders.fifo"));
	}

	@Test
	void aRuntimeFolderThatDoesNotExistIsNeitherCreatedNorUsed() {
		Path missing = this.runtime.resolve("missing");
		assertThat(path("orders", Map.of("XDG_RUNTIME_DIR", missing.toString())::get, SYSTEM::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-alice/orders/orders.fifo"));
		assertThat(missing).doesNotExist();
	}

	// As after 'su' without '-', which keeps the user's XDG_RUNTIME_DIR.
	@Test
	void aRuntimeFolderOfAnotherUserIsNotUsed() {
		assertThat(DefaultBeaconPath.forApplication("orders", runtimeFolder(), SYSTEM::get, () -> UID + 1))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-alice/orders/orders.fifo"));
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
		assertThat(path(null, runtimeFolder(), SYSTEM::get))
			.isEqualTo(this.runtime.resolve("application/application.fifo"));
	}

	@Test
	void namesThatCouldClimbOrSplitThePathStayOneSegment() {
		assertThat(path("../etc/x y", runtimeFolder(), SYSTEM::get))
			.isEqualTo(this.runtime.resolve(".._etc_x_y/.._etc_x_y.fifo"));
		assertThat(path("..", runtimeFolder(), SYSTEM::get))
			.isEqualTo(this.runtime.resolve("application/application.fifo"));
	}

	@Test
	void aNameTooLongForAFileNameIsCut() {
		String cut = "n".repeat(200);
		assertThat(path("n".repeat(300), runtimeFolder(), SYSTEM::get))
			.isEqualTo(this.runtime.resolve(cut + "/" + cut + ".fifo"));
	}

	@Test
	void userWithoutAPasswdEntryGetsAFolderNamedByUid() {
		// The JVM's user.name for a uid without a passwd entry.
		assertThat(path("orders", Map.<String, String>of()::get,
				Map.of("user.name", "?", "java.io.tmpdir", "/var/tmp")::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-" + UID + "/orders/orders.fifo"));
	}

	@Test
	void userNameThatIsNotAPlainFileNameIsReplacedByTheUid() {
		for (String name : new String[] { "..", ".hidden", "a b", "j\u00f6rg", "x/y", " " }) {
			assertThat(path("orders", Map.<String, String>of()::get,
					Map.of("user.name", name, "java.io.tmpdir", "/var/tmp")::get))
				.as(name)
				.isEqualTo(Path.of("/var/tmp/fifo-liveness-" + UID + "/orders/orders.fifo"));
		}
	}

	@Test
	void plainUserNamesAreKept() {
		assertThat(path("orders", Map.<String, String>of()::get,
				Map.of("user.name", "svc_orders-2.eu", "java.io.tmpdir", "/var/tmp")::get))
			.isEqualTo(Path.of("/var/tmp/fifo-liveness-svc_orders-2.eu/orders/orders.fifo"));
	}

	private UnaryOperator<String> runtimeFolder() {
		return Map.of("XDG_RUNTIME_DIR", this.runtime.toString())::get;
	}

	private static Path path(String applicationName, UnaryOperator<String> environment,
			UnaryOperator<String> systemProperties) {
		return DefaultBeaconPath.forApplication(applicationName, environment, systemProperties, () -> UID);
	}

}
