package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.FollowPeers;
import io.github.fifoliveness.testsupport.MountNamespace;
import io.github.fifoliveness.testsupport.OutputLines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PeerWatcher} following the mount table, with real mounts: the watcher
 * runs in a JVM of its own in a private mount namespace ({@link FollowPeers}), where the
 * test mounts, unmounts and starts holders. Polling is off and the safety net at 60 s
 * there, so an event within a second came from the watcher following the mount change.
 */
class PeerWatcherMountTests {

	// What the watcher promises for any start or stop, a mount change included.
	private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

	// A JVM started on two shared cores.
	private static final Duration STARTUP = Duration.ofSeconds(60);

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	private Path folder;

	private Path fifo;

	private MountNamespace namespace;

	private OutputLines lines;

	@BeforeEach
	void startWatcherInItsOwnMountNamespace() throws IOException {
		MountNamespace.assumeAvailable();
		this.folder = Files.createDirectory(this.dir.resolve("peers"));
		this.fifo = this.folder.resolve("orders.fifo");
		this.namespace = MountNamespace.startJava(this.children, FollowPeers.class, this.fifo.toString());
		this.lines = OutputLines.of(this.namespace.process());
		this.lines.awaitLine("event peer-0 DOWN MISSING", STARTUP);
	}

	@Test
	void newHolderOnATmpfsMountedAgainIsUpWithinASecond() throws Exception {
		this.namespace.run("mount", "-t", "tmpfs", "-o", "mode=0700", "first", this.folder.toString());
		Process first = this.namespace.holdReadEnd(this.children, this.fifo);
		this.lines.awaitLine("event peer-0 UP null", WITHIN_A_SECOND);
		ChildProcesses.kill(first);
		this.lines.awaitLine("event peer-0 DOWN NO_READER", WITHIN_A_SECOND);

		this.namespace.run("umount", this.folder.toString());
		this.lines.awaitLine("event peer-0 DOWN MISSING", WITHIN_A_SECOND);
		this.namespace.run("mount", "-t", "tmpfs", "-o", "mode=0700", "second", this.folder.toString());
		this.namespace.holdReadEnd(this.children, this.fifo);
		this.lines.awaitLine("event peer-0 UP null", WITHIN_A_SECOND);
	}

	@Test
	void newHolderInABindMountReplacedOverTheFolderIsUpWithinASecond() throws Exception {
		Path first = Files.createDirectory(this.dir.resolve("first"));
		Path second = Files.createDirectory(this.dir.resolve("second"));
		this.namespace.run("mount", "--bind", first.toString(), this.folder.toString());
		Process holder = this.namespace.holdReadEnd(this.children, this.fifo);
		this.lines.awaitLine("event peer-0 UP null", WITHIN_A_SECOND);
		ChildProcesses.kill(holder);
		this.lines.awaitLine("event peer-0 DOWN NO_READER", WITHIN_A_SECOND);

		// Over the first, which stays mounted: its folder no longer at the path.
		this.namespace.run("mount", "--bind", second.toString(), this.folder.toString());
		this.lines.awaitLine("event peer-0 DOWN MISSING", WITHIN_A_SECOND);
		this.namespace.holdReadEnd(this.children, this.fifo);
		this.lines.awaitLine("event peer-0 UP null", WITHIN_A_SECOND);
		assertThat(second.resolve("orders.fifo")).exists();
	}

	@Test
	void lazyUnmountUnderALiveHolderIsDownMissingAndReleasesTheHeldEnd() throws Exception {
		this.namespace.run("mount", "-t", "tmpfs", "-o", "mode=0700", "peers", this.folder.toString());
		long before = descriptors().count();
		Process holder = this.namespace.holdReadEnd(this.children, this.fifo);
		this.lines.awaitLine("event peer-0 UP null", WITHIN_A_SECOND);
		await().atMost(WITHIN_A_SECOND).until(() -> heldEnds() == 1);

		this.namespace.run("umount", "-l", this.folder.toString());
		this.lines.awaitLine("event peer-0 DOWN MISSING", WITHIN_A_SECOND);
		await().atMost(WITHIN_A_SECOND).until(() -> heldEnds() == 0 && descriptors().count() == before);
		assertThat(holder.isAlive()).as("the holder still holds the FIFO, now unreachable").isTrue();
	}

	// The watcher's descriptors on the FIFO; a lazily unmounted one shows as
	// /orders.fifo.
	private long heldEnds() throws IOException {
		return descriptors().filter((target) -> target.endsWith("/orders.fifo")).count();
	}

	private Stream<String> descriptors() throws IOException {
		Path fds = Path.of("/proc", Long.toString(this.namespace.process().pid()), "fd");
		try (Stream<Path> list = Files.list(fds)) {
			return list.map(PeerWatcherMountTests::target).toList().stream();
		}
	}

	private static String target(Path fd) {
		try {
			return Files.readSymbolicLink(fd).toString();
		}
		catch (IOException ex) {
			// Closed since it was listed.
			return "";
		}
	}

}
