package io.github.fifoliveness.autoconfigure;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import io.github.fifoliveness.beacon.LivenessBeacon;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.FileSnapshot;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every bad input a user can give fifo-liveness, one test each: startup fails with
 * Spring Boot's failure analysis (what is wrong, where, what to do) and the user's files
 * are exactly as they were.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputCatalogueTests {

	private static final int NOBODY = 65534;

	@TempDir
	Path dir;

	// Beacon path: something that is not our FIFO is there.

	@Test
	void regularFileAtTheBeaconPath(CapturedOutput output) throws Exception {
		Path file = Files.writeString(this.dir.resolve("app.fifo"), "precious");
		assertRefusedUntouched(output, file, "a regular file is there", "never replaces a file it did not create");
	}

	@Test
	void directoryAtTheBeaconPath(CapturedOutput output) throws Exception {
		Path directory = Files.createDirectory(this.dir.resolve("app.fifo"));
		Files.writeString(directory.resolve("inside"), "precious");
		assertRefusedUntouched(output, directory, "a directory is there", "never replaces a file it did not create");
	}

	@Test
	void unixSocketAtTheBeaconPath(CapturedOutput output) throws Exception {
		Path socket = this.dir.resolve("app.fifo");
		try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			server.bind(UnixDomainSocketAddress.of(socket));
			assertRefusedUntouched(output, socket, "a Unix socket is there", "never replaces a file it did not create");
		}
	}

	@Test
	void deviceAtTheBeaconPath(CapturedOutput output) throws Exception {
		assumeTrue(Fifos.isRoot(), "mknod needs root");
		Path device = this.dir.resolve("app.fifo");
		Fifos.run("mknod", "-m", "600", device.toString(), "c", "1", "3");
		assertRefusedUntouched(output, device, "a character device is there", "never replaces a file it did not create");
	}

	@Test
	void symbolicLinkAtTheBeaconPath(CapturedOutput output) throws Exception {
		Path target = Fifos.create(this.dir.resolve("elsewhere.fifo"));
		Path link = Files.createSymbolicLink(this.dir.resolve("app.fifo"), target);
		FileSnapshot targetBefore = FileSnapshot.of(target);
		assertRefusedUntouched(output, link, "a symbolic link is there", "never replaces a file it did not create");
		assertThat(FileSnapshot.of(target)).isEqualTo(targetBefore);
	}

	@Test
	void fifoOfAnotherUserAtTheBeaconPath(CapturedOutput output) throws Exception {
		assumeTrue(Fifos.isRoot(), "chown needs root");
		Path fifo = Fifos.create(this.dir.resolve("app.fifo"));
		Fifos.run("chown", String.valueOf(NOBODY), fifo.toString());
		assertRefusedUntouched(output, fifo, "the FIFO there belongs to another user (uid 65534)",
				"Have its owner or root remove it");
	}

	@Test
	void usersOwnFileAtTheLockPath(CapturedOutput output) throws Exception {
		Path lock = Files.writeString(this.dir.resolve("app.fifo.lock"), "my notes\n");
		Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-------"));
		FileSnapshot before = FileSnapshot.of(lock);
		assertRefused(output, this.dir.resolve("app.fifo"),
				"its lock file '" + lock + "' holds something other than the process id the beacon writes there",
				"never replaces a file it did not create");
		assertThat(FileSnapshot.of(lock)).isEqualTo(before);
		assertThat(this.dir.resolve("app.fifo")).doesNotExist();
	}

	@Test
	void fileWithAPidButAnotherModeAtTheLockPath(CapturedOutput output) throws Exception {
		Path lock = Files.writeString(this.dir.resolve("app.fifo.lock"), "4242\n");
		Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-r--r--"));
		FileSnapshot before = FileSnapshot.of(lock);
		assertRefused(output, this.dir.resolve("app.fifo"), "its lock file '" + lock + "' has mode 0644",
				"never replaces a file it did not create");
		assertThat(FileSnapshot.of(lock)).isEqualTo(before);
	}

	@Test
	void nonFileAtTheLockPath(CapturedOutput output) throws Exception {
		Path lock = Files.createDirectory(this.dir.resolve("app.fifo.lock"));
		assertRefused(output, this.dir.resolve("app.fifo"), "its lock file '" + lock + "' is a directory",
				"never replaces a file it did not create");
		assertThat(lock).isEmptyDirectory();
		assertThat(this.dir.resolve("app.fifo")).doesNotExist();
	}

	// Beacon path: the folder lets others replace the FIFO.

	@Test
	void folderOthersCanWriteToWithoutStickyBit(CapturedOutput output) throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("shared"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
		FileSnapshot before = FileSnapshot.of(folder);
		assertRefused(output, folder.resolve("app.fifo"), "other users can write to its folder '" + folder
				+ "' (mode 0777, no sticky bit)", "Put the FIFO in a subfolder the beacon creates");
		assertThat(FileSnapshot.of(folder)).isEqualTo(before);
	}

	@Test
	void folderOthersCanWriteToWithStickyBitIsAccepted() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("tmp-like"));
		Fifos.run("chmod", "1777", folder.toString());
		try (ConfigurableApplicationContext context = run("--fifo-liveness.beacon.path=" + folder.resolve("app.fifo"))) {
			assertThat(context.getBean(LivenessBeacon.class).isHeld()).isTrue();
		}
	}

	@Test
	void folderOfAnotherUser(CapturedOutput output) throws Exception {
		assumeTrue(Fifos.isRoot(), "chown needs root");
		Path folder = Files.createDirectory(this.dir.resolve("theirs"));
		Fifos.run("chown", String.valueOf(NOBODY), folder.toString());
		FileSnapshot before = FileSnapshot.of(folder);
		assertRefused(output, folder.resolve("app.fifo"),
				"its folder '" + folder + "' belongs to another user (uid 65534)", "Choose a path in a folder this user owns");
		assertThat(FileSnapshot.of(folder)).isEqualTo(before);
	}

	// Beacon path: another instance holds it.

	@Test
	void secondInstance(CapturedOutput output) throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		LivenessBeacon first = new LivenessBeacon(fifo, true, Duration.ZERO, NativePosix.get());
		first.start();
		try {
			assertRefused(output, fifo, "another instance holds it (pid " + ProcessHandle.current().pid() + ")",
					"'fifo-liveness.beacon.single-instance=false'");
			assertThat(first.isHeld()).isTrue();
		}
		finally {
			first.stop();
		}
	}

	// Our own FIFO with loose permissions is fixed, not refused.

	@Test
	void ownFifoWithGroupAndOtherBitsIsTightenedWithAWarning(CapturedOutput output) throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("app.fifo"));
		Fifos.run("chmod", "666", fifo.toString());
		try (ConfigurableApplicationContext context = run("--fifo-liveness.beacon.path=" + fifo)) {
			assertThat(Files.getPosixFilePermissions(fifo)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThat(output).contains("WARN").contains("had mode 0666; tightened it to 0600");
		}
	}

	// Path values, for the beacon and for peers.

	@Test
	void blankBeaconPath(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.beacon.path", "  ", "a path is required");
	}

	@Test
	void relativeBeaconPath(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.beacon.path", "run/app.fifo", "the path must be absolute");
	}

	@Test
	void beaconPathLongerThanPathMax(CapturedOutput output) {
		String tooLong = "/" + "d/".repeat(2048) + "app.fifo";
		assertInvalidProperty(output, "fifo-liveness.beacon.path", tooLong, "(PATH_MAX)");
	}

	@Test
	void beaconPathWithANameLongerThanNameMax(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.beacon.path", this.dir.resolve("n".repeat(256)).toString(),
				"longer than 255 bytes (NAME_MAX)");
	}

	@Test
	void beaconFileNameWithNoRoomForTheLockFile(CapturedOutput output) {
		assertNoRoomForTheLockFile(output, "fifo-liveness.beacon.path", 251);
	}

	@Test
	void readinessFileNameWithNoRoomForTheLockFile(CapturedOutput output) {
		assertNoRoomForTheLockFile(output, "fifo-liveness.beacon.readiness-path", 255);
	}

	@Test
	void beaconFileNameOf251BytesIsAcceptedWithoutTheLock() {
		Path fifo = this.dir.resolve("n".repeat(251));
		try (ConfigurableApplicationContext context = run("--fifo-liveness.beacon.path=" + fifo,
				"--fifo-liveness.beacon.single-instance=false")) {
			assertThat(context.getBean(LivenessBeacon.class).isHeld()).isTrue();
		}
	}

	@Test
	void beaconPathWithADotDotSegmentCreatesNothing(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.beacon.path", this.dir + "/stray/../run/app.fifo",
				"the path has a '..' segment");
		assertThat(this.dir).isEmptyDirectory();
	}

	@Test
	void beaconPathWithADotSegmentCreatesNothing(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.beacon.path", this.dir + "/run/./app.fifo",
				"the path has a '.' segment");
		assertThat(this.dir).isEmptyDirectory();
	}

	@Test
	void beaconPathWithNul(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.path=/run/app\0.fifo"));
		assertThat(output).contains("Property 'fifo-liveness.beacon.path' has the value '/run/app\\0.fifo': not a valid path");
	}

	@Test
	void blankPeerPath(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.peers.orders.path", "", "a path is required");
	}

	@Test
	void relativePeerPath(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.peers.orders.path", "orders.fifo", "the path must be absolute");
	}

	@Test
	void peerPathLongerThanPathMax(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.peers.orders.path", "/" + "d/".repeat(2048) + "o.fifo", "(PATH_MAX)");
	}

	@Test
	void peerPathWithNul(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.orders.path=/run/orders\0.fifo"));
		assertThat(output).contains("Property 'fifo-liveness.peers.orders.path' has the value '/run/orders\\0.fifo'");
	}

	@Test
	void peerPathWithADotDotSegment(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.peers.orders.path", "/run/../srv/orders.fifo",
				"the path has a '..' segment");
	}

	// Peer names: each one names one peer, exactly as written.

	@Test
	void peerNamesThatBindToOnePeer(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.db_1.path=/run/db_1.fifo", "--fifo-liveness.peers.db1.path=/run/db1.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer names 'db1' and 'db_1' bind to one peer")
			.contains("'db_1' from 'fifo-liveness.peers.db_1.path' (property source 'commandLineArgs')")
			.contains("'db1' from 'fifo-liveness.peers.db1.path' (property source 'commandLineArgs')")
			.contains("Names of lowercase letters, digits and dashes always work");
	}

	@Test
	void peerNamesThatDifferOnlyInCase(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.Orders.path=/run/a.fifo", "--fifo-liveness.peers.orders.pid-file=/run/b.pid"));
		assertThat(output).contains("Peer names 'Orders' and 'orders' bind to one peer");
	}

	@Test
	void peerNameThatBindingShortens(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.café.path=/run/cafe.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property 'fifo-liveness.peers.café.path' (property source 'commandLineArgs') binds as"
					+ " 'fifo-liveness.peers.caf.path': Spring Boot's binding drops 'é'")
			.contains("the peer would be watched as 'caf'")
			.contains("Names of lowercase letters, digits and dashes always work");
	}

	@Test
	void peerNamesOfLowercaseLettersDigitsAndDashesWork() {
		try (ConfigurableApplicationContext context = run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.orders-eu-2.path=/run/orders.fifo", "--fifo-liveness.peers.db1.path=/run/db1.fifo",
				"--fifo-liveness.peers.orders-eu-2.owner=0")) {
			assertThat(context.getBean(Peers.class).probes()).containsOnlyKeys("orders-eu-2", "db1");
		}
	}

	@Test
	void peerNameWithASlash(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.[orders/eu].path=/run/orders.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer name 'orders/eu' (fifo-liveness.peers[orders/eu]) contains '/'")
			.contains("Rename the peer without '/'")
			.doesNotContain("Application run failed");
	}

	@Test
	void peerWithBothPathAndPidFile(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.orders.path=/run/orders.fifo", "--fifo-liveness.peers.orders.pid-file=/run/orders.pid"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Peer 'orders' needs exactly one of 'fifo-liveness.peers.orders.path' (a FIFO) and"
					+ " 'fifo-liveness.peers.orders.pid-file' (a PID file), but it has both.")
			.contains("Set 'fifo-liveness.peers.orders.path' for a peer that holds a FIFO");
	}

	@Test
	void relativePidFile(CapturedOutput output) {
		assertInvalidProperty(output, "fifo-liveness.peers.orders.pid-file", "orders.pid", "the path must be absolute");
	}

	@Test
	void misspeltPeerProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.enabled=false",
				"--fifo-liveness.peers.orders.pth=/run/orders.fifo"));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("fifo-liveness.peers.orders.pth");
	}

	private void assertRefusedUntouched(CapturedOutput output, Path path, String problem, String action)
			throws Exception {
		FileSnapshot before = FileSnapshot.of(path);
		assertRefused(output, path, problem, action);
		assertThat(FileSnapshot.of(path)).isEqualTo(before);
		assertThat(BeaconLockFiles.lockOf(path)).doesNotExist();
	}

	private void assertRefused(CapturedOutput output, Path path, String problem, String action) {
		assertThatException().isThrownBy(() -> run("--fifo-liveness.beacon.path=" + path));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The liveness beacon cannot hold a FIFO at '" + path + "' (fifo-liveness.beacon.path): " + problem)
			.contains("Action:")
			.contains(action);
	}

	private void assertInvalidProperty(CapturedOutput output, String property, String value, String problem) {
		// Peers are checked with the beacon off, so that only the peer's path is at fault.
		String beacon = property.startsWith("fifo-liveness.peers.") ? "false" : "true";
		assertThatException()
			.isThrownBy(() -> run("--fifo-liveness.beacon.enabled=" + beacon, "--" + property + "=" + value));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property '" + property + "' has the value '" + value + "': ")
			.contains(problem)
			.contains("Set '" + property + "' to the absolute path of a "
					+ (property.endsWith(".pid-file") ? "PID file" : "FIFO"));
	}

	private void assertNoRoomForTheLockFile(CapturedOutput output, String property, int nameBytes) {
		Path folder = this.dir.resolve("run");
		assertInvalidProperty(output, property, folder.resolve("n".repeat(nameBytes)).toString(), "the file name is "
				+ nameBytes + " bytes long, which leaves no room for the lock file '<name>.lock'");
		assertThat(folder).doesNotExist();
	}

	private ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args);
	}

	private static final class BeaconLockFiles {

		static Path lockOf(Path fifo) {
			return fifo.resolveSibling(fifo.getFileName() + ".lock");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LivenessBeaconAutoConfiguration.class, PeersAutoConfiguration.class,
			PeersHealthContributorAutoConfiguration.class })
	static class App {

	}

}
