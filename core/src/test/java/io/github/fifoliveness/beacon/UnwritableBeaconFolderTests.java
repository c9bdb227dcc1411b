package io.github.fifoliveness.beacon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.StartBeacon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A beacon in a folder its user may not write fails saying so, rather than sending the
 * user after a lock file that is not there (root only: the beacon runs as another user
 * through {@code setpriv}).
 */
class UnwritableBeaconFolderTests {

	private static final int OTHER_USER = 65534;

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	@Test
	void aFolderThisUserMayNotWriteIsNamedAsTheProblem() throws Exception {
		assumeTrue(Fifos.isRoot(), "running as another user needs root");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is not installed");
		Fifos.run("chmod", "755", this.dir.toString());
		Path folder = Files.createDirectory(this.dir.resolve("read-only"));
		Fifos.run("chown", OTHER_USER + ":" + OTHER_USER, folder.toString());
		Fifos.run("chmod", "500", folder.toString());
		Process process = this.children.startJavaAs(OTHER_USER, this.dir, StartBeacon.class,
				folder.resolve("app.fifo").toString());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
			.filter((line) -> line.matches("(problem|action): .*|held"))
			.toList();
		assertThat(lines).containsExactly(
				"problem: its lock file '" + folder.resolve("app.fifo.lock") + "' cannot be created (open("
						+ folder.resolve("app.fifo.lock") + ") failed: Permission denied (EACCES))",
				"action: Let this user create files in '" + folder
						+ "' (the folder is not writable for it, or its filesystem is read-only), or choose a path in a"
						+ " folder it may write.");
		assertThat(folder).isEmptyDirectory();
	}

}
