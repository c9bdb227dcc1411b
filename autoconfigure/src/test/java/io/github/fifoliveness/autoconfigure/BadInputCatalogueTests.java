package io.github.fifoliveness.autoconfigure;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.FileSnapshot;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every bad input a user can give fifo-liveness, each proven once, as a user sees it: a
 * real {@code SpringApplication} run with the failure analyzers registered in
 * {@code META-INF/spring.factories} fails with Spring Boot's failure analysis (what is
 * wrong, where, what to do), and the user's files are exactly as they were.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputCatalogueTests {

	private static final int NOBODY = 65534;

	private static final String NEVER_REPLACES = "fifo-liveness never replaces a file it did not create";

	@TempDir
	Path dir;

	// Beacon path: something that is not our FIFO is there, or the folder lets others
	// replace the FIFO. Refused, and every file in the folder is left as it was.

	static Stream<Refusal> somethingElseAtTheBeaconPath() {
		return Stream.of(
				new Refusal("a regular file at the beacon path", BadInputCatalogueTests::regularFile,
						(fifo) -> "a regular file is there.", NEVER_REPLACES),
				new Refusal("a directory at the beacon path", BadInputCatalogueTests::directory,
						(fifo) -> "a directory is there.", NEVER_REPLACES),
				new Refusal("a Unix socket at the beacon path", BadInputCatalogueTests::unixSocket,
						(fifo) -> "a Unix socket is there.", NEVER_REPLACES),
				new Refusal("a character device at the beacon path", BadInputCatalogueTests::characterDevice,
						(fifo) -> "a character device is there.", NEVER_REPLACES),
				new Refusal("a symbolic link to a FIFO elsewhere at the beacon path",
						BadInputCatalogueTests::symbolicLink, (fifo) -> "a symbolic link is there.", NEVER_REPLACES),
				new Refusal("a FIFO of another user at the beacon path", BadInputCatalogueTests::fifoOfAnotherUser,
						(fifo) -> "the FIFO there belongs to another user (uid 65534)",
						"Have its owner or root remove it"));
	}

	static Stream<Refusal> somethingElseAtTheLockPath() {
		return Stream.of(
				new Refusal("the user's own file at the lock path", (dir) -> lockFile(dir, "my notes\n", "rw-------"),
						(fifo) -> "its lock file '" + lockOf(fifo)
								+ "' holds something other than the process id the beacon writes there",
						NEVER_REPLACES),
				new Refusal("a file with a PID but another mode at the lock path",
						(dir) -> lockFile(dir, "4242\n", "rw-r--r--"),
						(fifo) -> "its lock file '" + lockOf(fifo) + "' has mode 0644", NEVER_REPLACES),
				new Refusal("a directory at the lock path", BadInputCatalogueTests::directoryAtTheLockPath,
						(fifo) -> "its lock file '" + lockOf(fifo) + "' is a directory", NEVER_REPLACES));
	}

	static Stream<Refusal> folderThatLetsOthersReplaceTheFifo() {
		return Stream.of(
				new Refusal("the beacon path in a folder others can write to, without sticky bit",
						BadInputCatalogueTests::sharedFolder,
						(fifo) -> "other users can write to its folder '" + fifo.getParent()
								+ "' (mode 0777, no sticky bit)",
						"Put the FIFO in a subfolder the beacon creates"),
				new Refusal("the beacon path in a folder of another user", BadInputCatalogueTests::folderOfAnotherUser,
						(fifo) -> "its folder '" + fifo.getParent() + "' belongs to another user (uid 65534)",
						"Choose a path in a folder this user owns"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "somethingElseAtTheBeaconPath", "somethingElseAtTheLockPath",
			"folderThatLetsOthersReplaceTheFifo" })
	void beaconPathIsRefusedAndEveryFileLeftAsItWas(Refusal refusal, CapturedOutput output) throws Exception {
		Path fifo = refusal.placement().place(this.dir);
		Map<Path, FileSnapshot> before = FileSnapshot.ofTree(this.dir);
		assertRefused(output, fifo, refusal.problem().apply(fifo), refusal.action());
		assertThat(FileSnapshot.ofTree(this.dir)).as("nothing created, changed or removed").isEqualTo(before);
	}

	@Test
	void somethingElseAtTheReadinessPathIsExplainedWithItsOwnProperty(CapturedOutput output) throws Exception {
		Path readiness = Files.writeString(this.dir.resolve("ready.fifo"), "precious");
		Map<Path, FileSnapshot> before = FileSnapshot.ofTree(this.dir);
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"),
				"--fifo-liveness.beacon.readiness-path=" + readiness));
		assertThat(output)
			.contains("The readiness beacon cannot hold a FIFO at '" + readiness
					+ "' (fifo-liveness.beacon.readiness-path): a regular file is there.")
			.contains("Set 'fifo-liveness.beacon.readiness-path' to use another path");
		assertThat(FileSnapshot.ofTree(this.dir).get(readiness)).isEqualTo(before.get(readiness));
	}

	@Test
	void somethingElseAtThePidFilePathIsExplainedAndLeftAsItWas(CapturedOutput output) throws Exception {
		Path pidFile = Files.createDirectory(this.dir.resolve("app.pid"));
		Map<Path, FileSnapshot> before = FileSnapshot.ofTree(this.dir);
		assertThatException()
			.isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.pid-file=" + pidFile));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The application's PID file cannot be written at '" + pidFile
					+ "' (fifo-liveness.pid-file): a directory is there; fifo-liveness never replaces a file it did"
					+ " not create.")
			.contains("Action:")
			.contains("set 'fifo-liveness.pid-file' to a path in a folder this user can write to");
		assertThat(FileSnapshot.ofTree(this.dir)).as("nothing created, changed or removed").isEqualTo(before);
	}

	@Test
	void folderOthersCanWriteToWithStickyBitIsAccepted() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("tmp-like"));
		Fifos.run("chmod", "1777", folder.toString());
		try (ConfigurableApplicationContext context = run(
				"--fifo-liveness.beacon.path=" + folder.resolve("app.fifo"))) {
			assertThat(context.getBean(LivenessBeacon.class).isHeld()).isTrue();
		}
	}

	// Beacon path: another instance holds it.

	@Test
	void secondInstance(CapturedOutput output) {
		Path fifo = this.dir.resolve("app.fifo");
		whileAnotherInstanceHolds(fifo, (first) -> {
			assertRefused(output, fifo, "another instance holds it (pid " + ProcessHandle.current().pid() + ")",
					"'fifo-liveness.beacon.single-instance=false'");
			assertThat(first.isHeld()).isTrue();
		});
	}

	@Test
	void secondInstanceOnTheSameReadinessPath(CapturedOutput output) {
		Path ready = this.dir.resolve("app-ready.fifo");
		whileAnotherInstanceHolds(ready, (first) -> {
			assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"),
					"--fifo-liveness.beacon.readiness-path=" + ready));
			assertThat(output)
				.contains("The readiness beacon cannot hold a FIFO at '" + ready
						+ "' (fifo-liveness.beacon.readiness-path): another instance holds it (pid ")
				.contains("never a readiness one. Set 'fifo-liveness.beacon.readiness-path' to use another path");
		});
	}

	// Our own FIFO with loose permissions is refused and left as it is: fifo-liveness
	// never changes a file it did not create.

	@ParameterizedTest
	@ValueSource(strings = { "666", "660", "604" })
	void ownFifoWithGroupOrOtherBitsIsRefusedAndLeftAsItIs(String mode, CapturedOutput output) throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("app.fifo"));
		Fifos.run("chmod", mode, fifo.toString());
		assertRefused(output, fifo,
				"the FIFO there has mode 0" + mode
						+ ", so other users could hold its read end and fake this application's liveness",
				"Run chmod 600 '" + fifo + "' if it is this application's FIFO");
		assertThat((int) Files.getAttribute(fifo, "unix:mode") & 07777).isEqualTo(Integer.parseInt(mode, 8));
		assertThat(fifo.resolveSibling("app.fifo.lock")).doesNotExist();
	}

	@Test
	void ownReadinessFifoOpenToOthersIsRefusedToo(CapturedOutput output) throws Exception {
		Path ready = Fifos.create(this.dir.resolve("app-ready.fifo"));
		Fifos.run("chmod", "644", ready.toString());
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"),
				"--fifo-liveness.beacon.readiness-path=" + ready));
		assertThat(output).contains("The readiness beacon cannot hold a FIFO at '" + ready
				+ "' (fifo-liveness.beacon.readiness-path): the FIFO there has mode 0644");
		assertThat((int) Files.getAttribute(ready, "unix:mode") & 07777).isEqualTo(0644);
	}

	// Path values, for the beacon and for peers: refused before anything is created.

	static Stream<InvalidPath> invalidPaths() {
		String beacon = "fifo-liveness.beacon.path";
		String peer = "fifo-liveness.peers.orders.path";
		return Stream.of(new InvalidPath(beacon, "blank", (dir) -> "  ", "a path is required"),
				new InvalidPath(beacon, "a bare file name", (dir) -> "app.fifo", "the path must be absolute"),
				new InvalidPath(beacon, "relative", (dir) -> "run/app.fifo", "the path must be absolute"),
				new InvalidPath(beacon, "longer than PATH_MAX", (dir) -> "/" + "d/".repeat(2048) + "app.fifo",
						"the path is 4105 bytes long; the system allows less than 4096 (PATH_MAX)"),
				new InvalidPath(beacon, "with a name longer than NAME_MAX",
						(dir) -> dir.resolve("n".repeat(256)).toString(),
						"a name in the path is longer than 255 bytes (NAME_MAX)"),
				new InvalidPath(beacon, "with a 251-byte name, no room for the lock file",
						(dir) -> dir.resolve("run").resolve("n".repeat(251)).toString(),
						"the file name is 251 bytes long, which leaves no room for the lock file '<name>.lock'"),
				new InvalidPath("fifo-liveness.beacon.readiness-path",
						"with a 255-byte name, no room for the lock file",
						(dir) -> dir.resolve("run").resolve("n".repeat(255)).toString(),
						"the file name is 255 bytes long, which leaves no room for the lock file '<name>.lock'"),
				new InvalidPath(beacon, "with a '..' segment", (dir) -> dir + "/stray/../run/app.fifo",
						"the path has a '..' segment"),
				new InvalidPath(beacon, "with a '.' segment", (dir) -> dir + "/run/./app.fifo",
						"the path has a '.' segment"),
				new InvalidPath(beacon, "with a NUL", (dir) -> "/run/app\0.fifo", "not a valid path"),
				new InvalidPath(peer, "blank", (dir) -> "", "a path is required"),
				new InvalidPath(peer, "relative", (dir) -> "orders.fifo", "the path must be absolute"),
				new InvalidPath(peer, "longer than PATH_MAX", (dir) -> "/" + "d/".repeat(2048) + "o.fifo",
						"the path is 4103 bytes long; the system allows less than 4096 (PATH_MAX)"),
				new InvalidPath(peer, "with a NUL", (dir) -> "/run/orders\0.fifo", "not a valid path"),
				new InvalidPath(peer, "the root folder", (dir) -> "/",
						"the path is the root folder, '/': name one below it"),
				new InvalidPath(beacon, "the root folder", (dir) -> "/",
						"the path is the root folder, '/': name one below it"),
				new InvalidPath("fifo-liveness.pid-file", "the root folder", (dir) -> "/",
						"the path is the root folder, '/': name one below it"),
				new InvalidPath(peer, "with a '..' segment", (dir) -> "/run/../srv/orders.fifo",
						"the path has a '..' segment"),
				new InvalidPath("fifo-liveness.peers.orders.pid-file", "relative", (dir) -> "orders.pid",
						"the path must be absolute"),
				new InvalidPath(peer, "ending in '/'", (dir) -> dir + "/orders.fifo/",
						"the path ends in '/', which names a folder, not a file"),
				new InvalidPath(beacon, "ending in '/'", (dir) -> dir + "/run/app.fifo/",
						"the path ends in '/', which names a folder, not a file"),
				new InvalidPath("fifo-liveness.peers.orders.pid-file", "ending in '/'", (dir) -> dir + "/orders.pid/",
						"the path ends in '/', which names a folder, not a file"),
				new InvalidPath("fifo-liveness.peer-folders.workers.path", "relative", (dir) -> "workers",
						"the path must be absolute"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidPaths")
	void invalidPathIsRefusedNamingThePropertyAndCreatesNothing(InvalidPath invalid, CapturedOutput output) {
		String property = invalid.property();
		String value = invalid.value().apply(this.dir);
		// Peers are checked with the beacon off, so that only the peer's path is at
		// fault.
		String beacon = property.startsWith("fifo-liveness.peer") ? "false" : "true";
		assertThatException()
			.isThrownBy(() -> run("--fifo-liveness.beacon.enabled=" + beacon, "--" + property + "=" + value));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '" + value + "' for configuration property '" + property + "'")
			.containsIgnoringCase("Validation failed for the following reason:" + System.lineSeparator()
					+ System.lineSeparator() + invalid.problem())
			.contains("Set '" + property + "' to the absolute path of a " + (property.endsWith(".pid-file") ? "PID file"
					: property.startsWith("fifo-liveness.peer-folders.") ? "folder" : "FIFO"));
		assertThat(this.dir).isEmptyDirectory();
	}

	@Test
	void invalidPathShowsWhereItWasSet(CapturedOutput output) throws Exception {
		Path config = Files.createDirectory(this.dir.resolve("config"));
		Files.writeString(config.resolve("application.properties"),
				"fifo-liveness.beacon.enabled=false\nfifo-liveness.peers.orders.path=orders.fifo\n");
		assertThatException().isThrownBy(() -> run("--spring.config.additional-location=" + config + "/"));
		assertThat(output)
			.contains("Invalid value 'orders.fifo' for configuration property 'fifo-liveness.peers.orders.path'"
					+ " (originating from 'URL [file:" + config.resolve("application.properties") + "] - 2:33')");
	}

	@Test
	void beaconFileNameOf251BytesIsAcceptedWithoutTheLock() {
		Path fifo = this.dir.resolve("n".repeat(251));
		try (ConfigurableApplicationContext context = run("--fifo-liveness.beacon.path=" + fifo,
				"--fifo-liveness.beacon.single-instance=false")) {
			assertThat(context.getBean(LivenessBeacon.class).isHeld()).isTrue();
		}
	}

	// Peer names: each one names one peer, exactly as written.

	@ParameterizedTest(name = "{0} and {1} bind to one peer")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			fifo-liveness.peers.db_1.path   | fifo-liveness.peers.db1.path        | 'db1' and 'db_1'
			fifo-liveness.peers.Orders.path | fifo-liveness.peers.orders.pid-file | 'Orders' and 'orders'
			""")
	void peerNamesThatBindToOnePeer(String first, String second, String names, CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--fifo-liveness.beacon.enabled=false", "--" + first + "=/run/a", "--" + second + "=/run/b"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer names " + names + " bind to one peer")
			.contains("'" + peerName(first) + "' from '" + first + "' (property source 'commandLineArgs')")
			.contains("'" + peerName(second) + "' from '" + second + "' (property source 'commandLineArgs')")
			.contains("Names of lowercase letters, digits and dashes always work");
	}

	@Test
	void peerFolderNamesThatBindToOneFolderAreCalledFolders(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.peer-folders.Workers.path=/run/a",
						"--fifo-liveness.peer-folders.workers.path=/run/b"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer folder names 'Workers' and 'workers' bind to one peer folder")
			.contains("each would be a peer folder of its own, all following the same folder.")
			.contains("SPRING_APPLICATION_JSON='{\"fifo-liveness.peer-folders.orders-eu.path\":\"/run/orders-eu\"}'");
	}

	@Test
	void peerNameThatBindingShortens(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.peers.café.path=/run/cafe.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property 'fifo-liveness.peers.café.path' (property source 'commandLineArgs') binds as"
					+ " 'fifo-liveness.peers.caf.path': Spring Boot's binding drops 'é'")
			.contains("the peer would be watched as 'caf'")
			.contains("Names of lowercase letters, digits and dashes always work");
	}

	@Test
	void peerNamesOfLowercaseLettersDigitsAndDashesWork() {
		try (ConfigurableApplicationContext context = run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.orders-eu-2.path=/run/orders.fifo",
				"--fifo-liveness.peers.db1.path=/run/db1.fifo", "--fifo-liveness.peers.orders-eu-2.owner=0")) {
			assertThat(context.getBean(Peers.class).probes()).containsOnlyKeys("orders-eu-2", "db1");
		}
	}

	@Test
	void peerNameWithASlash(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.[orders/eu].path=/run/orders.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer name 'orders/eu' (fifo-liveness.peers[orders/eu]) is refused. A name cannot be blank,"
					+ " begin or end with white space, or contain '/'")
			.contains("Rename the peer: not blank, no white space at either end, and without '/'")
			.doesNotContain("Application run failed");
	}

	// Spring Boot's health endpoint refuses a blank component name on every request.
	@Test
	void blankPeerName(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.peers[ ].path=/run/orders.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("A name cannot be blank, begin or end with white space, or contain '/'")
			.doesNotContain("Application run failed");
	}

	// Otherwise 'peers[ orders]' would be a peer of its own beside 'orders', its path
	// /peers/%20orders.
	@Test
	void peerNameWithASpaceAtItsStart(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers[ orders].path=/run/orders.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer name ' orders' (fifo-liveness.peers[ orders]) is refused. A name cannot be blank, begin"
					+ " or end with white space");
	}

	@Test
	void peerFolderNameWithASlash(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peer-folders.[workers/eu].path=/run/workers"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer folder name 'workers/eu' (fifo-liveness.peer-folders[workers/eu]) is refused.")
			.contains("Rename the peer folder: not blank");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					fifo-liveness.peer-folders.workers.path=workers           | Invalid value 'workers' for configuration property 'fifo-liveness.peer-folders.workers.path'
					fifo-liveness.peer-folders.workers.pattern=run/*.fifo     | Invalid value 'run/*.fifo' for configuration property 'fifo-liveness.peer-folders.workers.pattern'
					fifo-liveness.peer-folders.workers.pattern=[a             | Invalid value '[a' for configuration property 'fifo-liveness.peer-folders.workers.pattern'
					fifo-liveness.peer-folders.workers.min-up=0               | Invalid value '0' for configuration property 'fifo-liveness.peer-folders.workers.min-up'
					fifo-liveness.peer-folders.workers.max-members=0          | Invalid value '0' for configuration property 'fifo-liveness.peer-folders.workers.max-members'
					fifo-liveness.peer-folders.workers.min-up=1500            | Invalid value '1500' for configuration property 'fifo-liveness.peer-folders.workers.min-up'
					fifo-liveness.peer-folders.workers.down-after=-1s         | Invalid value '-1s' for configuration property 'fifo-liveness.peer-folders.workers.down-after'
					fifo-liveness.peer-folders.workers.down-after=110000d     | A grace period can be at most 36500d (100 years)
					fifo-liveness.peer-folders.workers.startup-grace=-1s      | Invalid value '-1s' for configuration property 'fifo-liveness.peer-folders.workers.startup-grace'
					fifo-liveness.peer-folders.workers.owner=no-such-user-42  | Invalid value 'no-such-user-42' for configuration property 'fifo-liveness.peer-folders.workers.owner'
					fifo-liveness.peer-folders.workers.min-up=many            | fifo-liveness.peer-folders.workers.min-up
					fifo-liveness.peers.workers.path=/run/workers.fifo        | A peer is named 'workers' too
					fifo-liveness.peer-folders.work_ers.owner=0               | 'work_ers' and 'workers'
					""")
	void badPeerFolderIsRefusedNamingTheProperty(String property, String expected, CapturedOutput output) {
		String path = property.startsWith("fifo-liveness.peer-folders.workers.path=") ? property
				: "fifo-liveness.peer-folders.workers.path=" + this.dir.resolve("workers");
		assertThatException().isThrownBy(() -> run(Stream.of("fifo-liveness.beacon.enabled=false", path, property)
			.distinct()
			.map((argument) -> "--" + argument)
			.toArray(String[]::new)));
		assertThat(output).contains("APPLICATION FAILED TO START").contains(expected);
	}

	@Test
	void peerFolderNameThatBindingShortens(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.peer-folders.café.path=/run/cafe"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property 'fifo-liveness.peer-folders.café.path' (property source 'commandLineArgs') binds as"
					+ " 'fifo-liveness.peer-folders.caf.path'");
	}

	@Test
	void peerWithBothPathAndPidFile(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.peers.orders.path=/run/orders.fifo",
						"--fifo-liveness.peers.orders.pid-file=/run/orders.pid"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The following configuration properties are mutually exclusive:")
			.contains("fifo-liveness.peers.orders.path")
			.contains("fifo-liveness.peers.orders.pid-file")
			.contains("only one of the mutually exclusive properties is configured");
	}

	@Test
	void peerWithNeitherPathNorPidFile(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.peers.orders.owner=0"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer 'orders' needs exactly one of 'fifo-liveness.peers.orders.path' (a FIFO) and"
					+ " 'fifo-liveness.peers.orders.pid-file' (a PID file), but it has neither.")
			.contains("Set 'fifo-liveness.peers.orders.path' for a peer that holds a FIFO");
	}

	@ParameterizedTest
	@CsvSource({ "fifo-liveness.monitor.down-after", "fifo-liveness.peers.orders.down-after" })
	void negativeGracePeriod(String property, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.orders.path=/run/orders.fifo", "--" + property + "=-5s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '-5s' for configuration property '" + property + "'")
			.contains("A grace period cannot be negative; give 0 to publish every DOWN at once");
	}

	@ParameterizedTest
	@CsvSource({ "fifo-liveness.monitor.startup-grace", "fifo-liveness.peers.orders.startup-grace" })
	void negativeStartupGrace(String property, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.orders.path=/run/orders.fifo", "--" + property + "=-5s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '-5s' for configuration property '" + property + "'")
			.contains("A start-up grace cannot be negative; give 0 for none");
	}

	@Test
	void aPeersStartupGraceOverridesTheMonitorsAndNoneIsTheDefault() {
		try (ConfigurableApplicationContext context = run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.monitor.startup-grace=30s", "--fifo-liveness.peers.orders.path=/run/orders.fifo",
				"--fifo-liveness.peers.orders.startup-grace=0", "--fifo-liveness.peers.billing.path=/run/billing.fifo",
				"--fifo-liveness.peers.orders.owner=0", "--fifo-liveness.peers.billing.owner=0")) {
			Peers peers = context.getBean(Peers.class);
			assertThat(peers.startupGrace("orders")).isZero();
			assertThat(peers.startupGrace("billing")).isEqualTo(Duration.ofSeconds(30));
		}
		try (ConfigurableApplicationContext context = run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.orders.path=/run/orders.fifo", "--fifo-liveness.peers.orders.owner=0")) {
			assertThat(context.getBean(Peers.class).startupGrace("orders")).isZero();
		}
	}

	@ParameterizedTest
	@CsvSource({ "fifo-liveness.monitor.poll-interval, A poll interval cannot be negative; give 0 to probe nothing",
			"fifo-liveness.monitor.watch.safety-net-interval, A safety-net interval cannot be negative; give 0",
			"fifo-liveness.beacon.watch-interval, A watch interval cannot be negative or above 36500d; give 0 to never check" })
	void negativeInterval(String property, String reason, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.path=" + this.dir.resolve("app.fifo"),
				"--fifo-liveness.peers.orders.path=/run/orders.fifo", "--fifo-liveness.peers.orders.owner=0",
				"--" + property + "=-1s"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '-1s' for configuration property '" + property + "'")
			.contains(reason);
	}

	@Test
	void featureSwitchThatIsNotABoolean(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=maybe"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Failed to bind properties under 'fifo-liveness.beacon.enabled' to java.lang.Boolean")
			.contains("Value: \"maybe\"")
			.contains("Invalid boolean value 'maybe'");
		assertThat(this.dir).isEmptyDirectory();
	}

	@ParameterizedTest
	@CsvSource({ "-5s", "0" })
	void startExtensionThatIsNotPositive(String value, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false", "--NOTIFY_SOCKET=@unused",
				"--fifo-liveness.systemd.extend-timeout=" + value));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '" + value + "' for configuration property 'fifo-liveness.systemd.extend-timeout'")
			.contains("An extension of the start timeout must be positive");
	}

	@Test
	void aPeersGracePeriodOverridesTheMonitors() {
		try (ConfigurableApplicationContext context = run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.monitor.down-after=5s", "--fifo-liveness.peers.orders.path=/run/orders.fifo",
				"--fifo-liveness.peers.orders.down-after=2s", "--fifo-liveness.peers.billing.path=/run/billing.fifo",
				"--fifo-liveness.peers.orders.owner=0", "--fifo-liveness.peers.billing.owner=0")) {
			Peers peers = context.getBean(Peers.class);
			assertThat(peers.downAfter("orders")).isEqualTo(Duration.ofSeconds(2));
			assertThat(peers.downAfter("billing")).isEqualTo(Duration.ofSeconds(5));
		}
	}

	@Test
	void misspeltPeerProperty(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.peers.orders.pth=/run/orders.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("fifo-liveness.peers.orders.pth");
	}

	// With every feature off no auto-configuration binds the properties: they are bound
	// to be checked all the same.
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					fifo-liveness.peer.orders.path=/run/orders.fifo     | The elements [fifo-liveness.peer.orders.path] were left unbound
					fifo-liveness.orders.path=/run/orders.fifo          | The elements [fifo-liveness.orders.path] were left unbound
									""")
	void misspeltPropertyWithEveryFeatureOff(String property, String failure, CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false", "--" + property));
		assertThat(output).contains("APPLICATION FAILED TO START").contains(failure);
	}

	@Test
	void misspeltPropertyFailsATestContextAsItFailsTheApplication(CapturedOutput output) {
		assertThatException().isThrownBy(() -> runAsTest("--fifo-liveness.beacon.watch-intervall=5s"));
		assertThat(output).contains("The elements [fifo-liveness.beacon.watch-intervall] were left unbound");
		runAsTest("--fifo-liveness.beacon.watch-interval=5s").close();
	}

	// Left to the feature that reads it: a placeholder that only production resolves,
	// say.
	@Test
	void valueNotOfItsTypeIsLeftAloneWithEveryFeatureOff() {
		runAsTest("--fifo-liveness.beacon.watch-interval=${WATCH_INTERVAL_IN_PRODUCTION}").close();
		run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.monitor.startup-grace=banana").close();
	}

	// Nothing reads them: the sample daemon keeps its readiness-path with the beacon off.
	@Test
	void settingsOfABeaconTurnedOffAreLeftAlone() {
		run("--fifo-liveness.beacon.enabled=false", "--fifo-liveness.beacon.watch-intervall=5s").close();
	}

	// Placements: each makes something in the test's folder and returns the beacon path.

	private static Path regularFile(Path dir) throws Exception {
		return Files.writeString(dir.resolve("app.fifo"), "precious");
	}

	private static Path directory(Path dir) throws Exception {
		Path directory = Files.createDirectory(dir.resolve("app.fifo"));
		Files.writeString(directory.resolve("inside"), "precious");
		return directory;
	}

	// open(2) fails alike on a socket with or without its server: a bound one is enough.
	private static Path unixSocket(Path dir) throws Exception {
		Path socket = dir.resolve("app.fifo");
		try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			server.bind(UnixDomainSocketAddress.of(socket));
		}
		return socket;
	}

	private static Path characterDevice(Path dir) {
		assumeTrue(Fifos.isRoot(), "mknod needs root");
		Path device = dir.resolve("app.fifo");
		Fifos.run("mknod", "-m", "600", device.toString(), "c", "1", "3");
		return device;
	}

	private static Path symbolicLink(Path dir) throws Exception {
		return Files.createSymbolicLink(dir.resolve("app.fifo"), Fifos.create(dir.resolve("elsewhere.fifo")));
	}

	private static Path fifoOfAnotherUser(Path dir) {
		assumeTrue(Fifos.isRoot(), "chown needs root");
		Path fifo = Fifos.create(dir.resolve("app.fifo"));
		Fifos.run("chown", String.valueOf(NOBODY), fifo.toString());
		return fifo;
	}

	private static Path lockFile(Path dir, String content, String permissions) throws Exception {
		Path lock = Files.writeString(dir.resolve("app.fifo.lock"), content);
		Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString(permissions));
		return dir.resolve("app.fifo");
	}

	private static Path directoryAtTheLockPath(Path dir) throws Exception {
		Files.createDirectory(dir.resolve("app.fifo.lock"));
		return dir.resolve("app.fifo");
	}

	private static Path sharedFolder(Path dir) throws Exception {
		Path folder = Files.createDirectory(dir.resolve("shared"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
		return folder.resolve("app.fifo");
	}

	private static Path folderOfAnotherUser(Path dir) throws Exception {
		assumeTrue(Fifos.isRoot(), "chown needs root");
		Path folder = Files.createDirectory(dir.resolve("theirs"));
		Fifos.run("chown", String.valueOf(NOBODY), folder.toString());
		return folder.resolve("app.fifo");
	}

	private void assertRefused(CapturedOutput output, Path fifo, String problem, String action) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.path=" + fifo));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(
					"The liveness beacon cannot hold a FIFO at '" + fifo + "' (fifo-liveness.beacon.path): " + problem)
			.contains("Action:")
			.contains(action);
	}

	// The other instance, in this JVM: the lock is per open file, so it holds against
	// this one.
	private static void whileAnotherInstanceHolds(Path fifo, Consumer<LivenessBeacon> check) {
		LivenessBeacon first = new LivenessBeacon(new FifoBeacon(fifo, true, NativePosix.get()), Duration.ZERO, true);
		first.start();
		try {
			check.accept(first);
		}
		finally {
			first.stop();
		}
	}

	private ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args);
	}

	// As Spring's test support starts a context: its marker source present, the beacon
	// off.
	private ConfigurableApplicationContext runAsTest(String... args) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource(Features.TEST_CONTEXT_PROPERTY_SOURCE, Map.of())))
			.run(args);
	}

	// "fifo-liveness.peers.<name>.path" to "<name>".
	private static String peerName(String property) {
		return property.substring("fifo-liveness.peers.".length(), property.lastIndexOf('.'));
	}

	private static Path lockOf(Path fifo) {
		return fifo.resolveSibling(fifo.getFileName() + ".lock");
	}

	/**
	 * Something at or around the beacon path that the beacon refuses.
	 *
	 * @param description what, for the test's name
	 * @param placement makes it in the test's folder and returns the beacon path to set
	 * @param problem the problem the failure analysis names, for that beacon path
	 * @param action what the failure analysis says to do
	 */
	record Refusal(String description, Placement placement, Function<Path, String> problem, String action) {

		@Override
		public String toString() {
			return this.description;
		}

	}

	@FunctionalInterface
	interface Placement {

		Path place(Path dir) throws Exception;

	}

	/**
	 * A path property with a value that is not a usable path.
	 *
	 * @param property the property
	 * @param description what is wrong with the value, for the test's name
	 * @param value the value, given the test's folder
	 * @param problem the problem the failure analysis names
	 */
	record InvalidPath(String property, String description, Function<Path, String> value, String problem) {

		@Override
		public String toString() {
			return this.property + " " + this.description;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NativePosixAutoConfiguration.class, LivenessBeaconAutoConfiguration.class,
			ApplicationPidFileAutoConfiguration.class, PeersAutoConfiguration.class,
			PeersHealthContributorAutoConfiguration.class, SystemdNotifyAutoConfiguration.class })
	static class App {

	}

}
