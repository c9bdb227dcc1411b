package io.github.fifoliveness.posix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.FollowMountTable;
import io.github.fifoliveness.testsupport.MountNamespace;
import io.github.fifoliveness.testsupport.OutputLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KernelEvents} following the mount table, with real mounts in a private
 * mount namespace around a JVM of its own ({@link FollowMountTable}).
 */
class KernelEventsMountTests {

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private static final Duration SOON = Duration.ofSeconds(10);

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	@Test
	void eachChangeOfTheMountTableIsReportedOnceWithoutReadingIt() throws Exception {
		MountNamespace.assumeAvailable();
		Path folder = Files.createDirectory(this.dir.resolve("mounted"));
		MountNamespace namespace = MountNamespace.startJava(this.children, FollowMountTable.class);
		OutputLines lines = OutputLines.of(namespace.process());
		lines.awaitLine("watching", STARTUP);

		namespace.run("mount", "-t", "tmpfs", "first", folder.toString());
		lines.awaitLine("mounts changed 1", SOON);
		namespace.run("umount", folder.toString());
		lines.awaitLine("mounts changed 2", SOON);
		// A report that the poll did not consume would have come again and again by now.
		namespace.run("mount", "--bind", this.dir.toString(), folder.toString());
		lines.awaitLine("mounts changed 3", SOON);
		assertThat(lines.startingWith("mounts changed")).containsExactly("mounts changed 1", "mounts changed 2",
				"mounts changed 3");
	}

}
