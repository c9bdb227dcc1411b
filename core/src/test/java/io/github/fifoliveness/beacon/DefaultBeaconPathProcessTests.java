package io.github.fifoliveness.beacon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.StartBeacon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The default path under a shared temporary folder, used by other users than this one
 * (root only: they run through {@code setpriv}), among them users without a passwd entry,
 * for whom the JVM's {@code user.name} is {@code ?}.
 */
class DefaultBeaconPathProcessTests {

	// Users without a passwd entry on any machine this runs on.
	private static final int FIRST = 54321;

	private static final int SECOND = 54322;

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	private Path tmp;

	@BeforeEach
	void sharedTemporaryFolder() throws Exception {
		assumeTrue(Fifos.isRoot(), "running as other users needs root");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is not installed");
		assumeTrue(new ProcessBuilder("getent", "passwd", FIRST + "", SECOND + "").start().waitFor() == 2,
				"uids " + FIRST + " and " + SECOND + " have passwd entries here");
		Fifos.run("chmod", "755", this.dir.toString());
		this.tmp = Files.createDirectory(this.dir.resolve("tmp"));
		Fifos.run("chmod", "1777", this.tmp.toString());
	}

	@Test
	void usersWithoutAPasswdEntryGetFoldersOfTheirOwn() throws Exception {
		List<String> first = startBeaconAs(FIRST);
		List<String> second = startBeaconAs(SECOND);
		assertThat(first).containsExactly(
				"path: " + this.tmp.resolve("fifo-liveness-" + FIRST + "/application/application.fifo"), "held");
		assertThat(second).containsExactly(
				"path: " + this.tmp.resolve("fifo-liveness-" + SECOND + "/application/application.fifo"), "held");
	}

	@Test
	void fallbackFolderCreatedFirstByAnotherUserIsRefusedSayingSo() throws Exception {
		Path planted = Files.createDirectory(this.tmp.resolve("fifo-liveness-" + SECOND));
		Fifos.run("chown", FIRST + ":" + FIRST, planted.toString());
		Fifos.run("chmod", "700", planted.toString());
		assertThat(startBeaconAs(SECOND)).contains("problem: the folder '" + planted
				+ "', in which its folder would be created, belongs to another user (uid " + FIRST
				+ "), who created it first and could replace whatever is created inside it");
		assertThat(planted).isEmptyDirectory();
	}

	private List<String> startBeaconAs(int uid) throws Exception {
		Process process = this.children.startJavaAs(uid, this.dir, StartBeacon.class, "--default-path",
				this.tmp.toString());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		// Only what StartBeacon prints, not the beacon's log.
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.filter((line) -> line.matches("(path|problem|action): .*|held"))
			.toList();
	}

}
