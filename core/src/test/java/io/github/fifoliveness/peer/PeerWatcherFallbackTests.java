package io.github.fifoliveness.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.FollowPeerFolder;
import io.github.fifoliveness.testsupport.FollowPeers;
import io.github.fifoliveness.testsupport.OutputLines;
import io.github.fifoliveness.testsupport.WatchOnce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for the peers and folder members {@link PeerWatcher} polls instead of watching,
 * in a process of its own, with a lower descriptor limit or as another user.
 */
class PeerWatcherFallbackTests {

	// More than the budget of descriptors under a limit of 256 open files.
	private static final int MEMBERS = 300;

	private static final List<String> LIMITED = List.of("sh", "-c", "ulimit -n 256 && exec \"$0\" \"$@\"");

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	@Test
	void peersBeyondTheDescriptorLimitArePolledAndTheLogSaysSo() throws Exception {
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			paths.add(this.dir.resolve("peer-" + i + ".fifo").toString());
		}
		Process watcher = this.children.startJava(LIMITED, WatchOnce.class, paths.toArray(String[]::new));
		String output = outputOf(watcher);
		assertThat(output).contains("the limit on open files (RLIMIT_NOFILE) is 256")
			.contains("Raise the limit ('ulimit -n', or LimitNOFILE= in a systemd unit) to watch them all");
		long watched = output.lines().filter((line) -> line.endsWith(" watched")).count();
		long polled = output.lines().filter((line) -> line.endsWith(" polled")).count();
		assertThat(watched).isPositive();
		assertThat(polled).isPositive();
		assertThat(watched + polled).isEqualTo(300);
		assertThat(output).contains("peer-0 watched", "peer-299 polled");
	}

	@Test
	void noInotifyInstanceLeftNamesTheCallAndTheLimitAndEveryPeerIsPolled() throws Exception {
		// A user namespace of its own, whose limit of inotify instances is 0.
		List<String> noInstances = List.of("unshare", "--user", "--map-root-user", "sh", "-c",
				"echo 0 > /proc/sys/user/max_inotify_instances && exec \"$0\" \"$@\"");
		assumeTrue(new ProcessBuilder("unshare", "--user", "--map-root-user", "true").start().waitFor() == 0,
				"user namespaces are not available here");
		Process watcher = this.children.startJava(noInstances, WatchOnce.class,
				this.dir.resolve("orders.fifo").toString());
		assertThat(outputOf(watcher)).contains("peer-0 polled")
			.contains("inotify_init1() failed: Too many open files (EMFILE); inotify instances are limited per user"
					+ " by /proc/sys/fs/inotify/max_user_instances");
	}

	@Test
	void folderMembersBeyondTheDescriptorLimitArePolledWhileUpAndSeenComingBack() throws Exception {
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		List<OpenFile> readers = new ArrayList<>();
		try {
			for (int i = 0; i < MEMBERS; i++) {
				readers.add(this.posix.openReadEnd(Fifos.create(folder.resolve("worker-" + i + ".fifo"))));
			}
			Process monitor = this.children.startJava(LIMITED, FollowPeerFolder.class, folder.toString());
			OutputLines lines = OutputLines.of(monitor);
			awaitEveryMember(lines, "MEMBER_JOINED");
			monitor.outputWriter().write("health\n");
			monitor.outputWriter().flush();
			await().atMost(Duration.ofSeconds(10)).until(() -> !lines.containing("REPORT true").isEmpty());
			int polled = Integer.parseInt(lines.containing("REPORT true").get(0).replaceAll(".* polled ", ""));
			assertThat(polled).as("members beyond what 256 descriptors leave").isBetween(1, MEMBERS - 1);
			closeAll(readers);
			awaitEveryMember(lines, "MEMBER_DOWN");
			for (int i = 0; i < MEMBERS; i++) {
				readers.add(this.posix.openReadEnd(folder.resolve("worker-" + i + ".fifo")));
			}
			awaitEveryMember(lines, "MEMBER_UP");
		}
		finally {
			closeAll(readers);
		}
	}

	@Test
	void aPeerInAFolderThisUserMayNotReadIsPolled() throws Exception {
		assumeTrue(Fifos.isRoot(), "needs root to run the monitor as another user");
		Fifos.run("chmod", "0711", this.dir.toString());
		Path secret = Files.createDirectory(this.dir.resolve("secret"));
		Fifos.run("chmod", "0700", secret.toString());
		Path open = Files.createDirectory(this.dir.resolve("open"));
		Fifos.run("chmod", "0777", open.toString());
		Process watcher = this.children.startJavaAs(65534, this.dir.resolve("scratch"), WatchOnce.class,
				secret.resolve("orders.fifo").toString(), open.resolve("billing.fifo").toString());
		String output = outputOf(watcher);
		assertThat(output).contains("peer-0 polled", "peer-1 watched")
			.contains(
					"Peer 'peer-0' is probed every 1000 ms ('fifo-liveness.monitor.poll-interval') instead of watched:"
							+ " inotify_add_watch(" + secret + ") failed: Permission denied (EACCES)");
	}

	// As a peer folder is armed again: the safety net tries the watch again.
	@Test
	void aPeerPolledForAFolderThisUserMayNotReadIsWatchedAgainOnceItMay() throws Exception {
		assumeTrue(Fifos.isRoot(), "needs root to run the monitor as another user");
		Fifos.run("chmod", "0711", this.dir.toString());
		Path folder = ownedByTheMonitor(Files.createDirectory(this.dir.resolve("orders")));
		Fifos.run("chmod", "0300", folder.toString());
		Path fifo = folder.resolve("orders.fifo");
		OutputLines lines = OutputLines.of(this.children.startJavaAs(65534, this.dir.resolve("scratch"),
				FollowPeers.class, "--safety-net=PT1S", fifo.toString()));
		lines.awaitLine("event peer-0 DOWN MISSING", Duration.ofSeconds(30));
		assertThat(lines.containing("instead of watched")).singleElement()
			.asString()
			.contains("Peer 'peer-0' is not probed in the background ('fifo-liveness.monitor.poll-interval' is PT0S)"
					+ " instead of watched: inotify_add_watch(" + folder + ") failed: Permission denied (EACCES);"
					+ " watching it is tried again every 1000 ms");
		Fifos.run("chmod", "0700", folder.toString());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !lines.containing("Peer 'peer-0' is watched again").isEmpty());
		ownedByTheMonitor(Fifos.create(fifo));
		OpenFile reader = this.posix.openReadEnd(fifo);
		try {
			lines.awaitLine("event peer-0 UP null", Duration.ofSeconds(10));
		}
		finally {
			reader.close();
		}
		lines.awaitLine("event peer-0 DOWN NO_READER", Duration.ofSeconds(10));
		assertThat(lines.containing("instead of watched")).hasSize(1);
	}

	@Test
	void aPeerFolderThisUserMayNotReadIsRescannedAndWatchedAgainOnceItMayAsAPeerIs() throws Exception {
		assumeTrue(Fifos.isRoot(), "needs root to run the monitor as another user");
		Fifos.run("chmod", "0711", this.dir.toString());
		Path folder = ownedByTheMonitor(Files.createDirectory(this.dir.resolve("workers")));
		Fifos.run("chmod", "0300", folder.toString());
		OutputLines lines = OutputLines.of(this.children.startJavaAs(65534, this.dir.resolve("scratch"),
				FollowPeerFolder.class, "--safety-net=PT1S", folder.toString()));
		await().atMost(Duration.ofSeconds(30)).until(() -> !lines.containing("instead of watched").isEmpty());
		assertThat(lines.containing("instead of watched")).singleElement()
			.asString()
			.contains("INFO")
			.contains("Peer folder 'workers' is rescanned every 1000 ms ('fifo-liveness.monitor.poll-interval')"
					+ " instead of watched: inotify_add_watch(" + folder + ") failed: Permission denied (EACCES);"
					+ " watching it is tried again every 1000 ms");
		Fifos.run("chmod", "0700", folder.toString());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !lines.containing("Peer folder 'workers' is watched again").isEmpty());
		Path member = ownedByTheMonitor(Fifos.create(folder.resolve("worker-1.fifo")));
		OpenFile reader = this.posix.openReadEnd(member);
		try {
			lines.awaitLine("MEMBER_JOINED worker-1", Duration.ofSeconds(10));
		}
		finally {
			reader.close();
		}
		assertThat(lines.containing("instead of watched")).hasSize(1);
	}

	@Test
	void aPeerFolderThisUserMayNoLongerReadLosesItsMembersAtOnceAndGetsThemBackOnceItMay() throws Exception {
		assumeTrue(Fifos.isRoot(), "needs root to run the monitor as another user");
		Fifos.run("chmod", "0711", this.dir.toString());
		Path folder = ownedByTheMonitor(Files.createDirectory(this.dir.resolve("workers")));
		Path member = ownedByTheMonitor(Fifos.create(folder.resolve("worker-1.fifo")));
		OpenFile reader = this.posix.openReadEnd(member);
		try {
			// No safety net, and polls do not rescan a watched folder: only the kernel's
			// events tell.
			OutputLines lines = OutputLines.of(this.children.startJavaAs(65534, this.dir.resolve("scratch"),
					FollowPeerFolder.class, folder.toString()));
			lines.awaitLine("MEMBER_JOINED worker-1", Duration.ofSeconds(30));
			Fifos.run("chmod", "0000", folder.toString());
			lines.awaitLine("MEMBER_LEFT worker-1", Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> lines.containing("cannot be read: its members count as stopped").size() == 1);
			Fifos.run("chmod", "0755", folder.toString());
			lines.awaitLine("MEMBER_JOINED worker-1", Duration.ofSeconds(10));
			assertThat(lines.containing("is back: its members are looked at again")).hasSize(1);
		}
		finally {
			reader.close();
		}
	}

	@Test
	void aPeerFolderBehindAFolderThisUserMayNoLongerSearchCannotBeReadRatherThanGone() throws Exception {
		assumeTrue(Fifos.isRoot(), "needs root to run the monitor as another user");
		Fifos.run("chmod", "0711", this.dir.toString());
		Path release = Files.createDirectory(this.dir.resolve("release"));
		Path folder = ownedByTheMonitor(Files.createDirectory(release.resolve("workers")));
		Path member = ownedByTheMonitor(Fifos.create(folder.resolve("worker-1.fifo")));
		OpenFile reader = this.posix.openReadEnd(member);
		try {
			Process monitor = this.children.startJavaAs(65534, this.dir.resolve("scratch"), FollowPeerFolder.class,
					folder.toString());
			OutputLines lines = OutputLines.of(monitor);
			lines.awaitLine("MEMBER_JOINED worker-1", Duration.ofSeconds(30));
			// The watch hears nothing of a folder further up; a health request looks.
			Fifos.run("chmod", "0700", release.toString());
			monitor.outputWriter().write("health\n");
			monitor.outputWriter().flush();
			lines.awaitLine("REPORT false [] polled 0", Duration.ofSeconds(10));
			lines.awaitLine("MEMBER_LEFT worker-1", Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> lines.containing("cannot be read: its members count as stopped").size() == 1);
			assertThat(lines.containing("is gone")).isEmpty();
			Fifos.run("chmod", "0755", release.toString());
			lines.awaitLine("MEMBER_JOINED worker-1", Duration.ofSeconds(10));
		}
		finally {
			reader.close();
		}
	}

	@Test
	void aPeerFolderThatCannotBeListedForWantOfDescriptorsKeepsItsMembers() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "prlimit (util-linux) is not installed");
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		Path member = Fifos.create(folder.resolve("worker-1.fifo"));
		OpenFile reader = this.posix.openReadEnd(member);
		try {
			Process monitor = this.children.startJava(List.of(), FollowPeerFolder.class, folder.toString());
			OutputLines lines = OutputLines.of(monitor);
			lines.awaitLine("MEMBER_JOINED worker-1", Duration.ofSeconds(30));
			// No descriptor left to open the folder with (the kernel gives the lowest
			// free
			// number, refused from the soft limit on); a change of its mode makes the
			// watcher list it again.
			long open = lowestFreeDescriptor(monitor.pid());
			Fifos.run("prlimit", "--pid", String.valueOf(monitor.pid()), "--nofile=" + open + ":");
			Fifos.run("chmod", "0750", folder.toString());
			await().atMost(Duration.ofSeconds(10)).until(() -> !lines.containing("could not be listed (").isEmpty());
			assertThat(lines.containing("MEMBER_LEFT")).isEmpty();
			assertThat(lines.containing("cannot be read")).isEmpty();
			Fifos.run("prlimit", "--pid", String.valueOf(monitor.pid()), "--nofile=" + (open + 64) + ":");
			Fifos.run("chmod", "0755", folder.toString());
			await().atMost(Duration.ofSeconds(10)).until(() -> !lines.containing("can be listed again").isEmpty());
			reader.close();
			lines.awaitLine("MEMBER_DOWN worker-1", Duration.ofSeconds(10));
		}
		finally {
			reader.close();
		}
	}

	@Test
	void aPeerPolledAfterTheStartLeavesItsDescriptorToFolderMembers() throws Exception {
		// A thread's id, not a process's: alive to kill(2), but pidfd_open(2) refuses it,
		// so each such peer is polled once its first probe finds it alive.
		Path pidFile = Files.writeString(this.dir.resolve("thread.pid"), otherThreadOfThisProcess() + "\n");
		List<String> args = new ArrayList<>();
		Path folder = Files.createDirectory(this.dir.resolve("workers"));
		args.add(folder.toString());
		for (int i = 0; i < 120; i++) {
			args.add(pidFile.toString());
		}
		int members = 100;
		List<OpenFile> readers = new ArrayList<>();
		try {
			for (int i = 0; i < members; i++) {
				readers.add(this.posix.openReadEnd(Fifos.create(folder.resolve("worker-" + i + ".fifo"))));
			}
			OutputLines lines = OutputLines
				.of(this.children.startJava(LIMITED, FollowPeerFolder.class, args.toArray(String[]::new)));
			awaitEveryMember(lines, "MEMBER_JOINED", members);
			assertThat(lines.containing("instead of watched: pidfd_open(")).hasSize(120);
			assertThat(lines.containing("Peer folders hold")).isEmpty();
		}
		finally {
			closeAll(readers);
		}
	}

	// The user the monitor runs as in these tests.
	private static Path ownedByTheMonitor(Path file) {
		Fifos.run("chown", "65534:65534", file.toString());
		return file;
	}

	private static long lowestFreeDescriptor(long pid) throws IOException {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
			Set<Long> open = descriptors.map((fd) -> Long.parseLong(fd.getFileName().toString()))
				.collect(Collectors.toSet());
			return LongStream.iterate(0, (fd) -> fd + 1).filter((fd) -> !open.contains(fd)).findFirst().orElseThrow();
		}
	}

	private static long otherThreadOfThisProcess() throws Exception {
		long pid = ProcessHandle.current().pid();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			return tasks.mapToLong((task) -> Long.parseLong(task.getFileName().toString()))
				.filter((task) -> task != pid)
				.min()
				.orElseThrow();
		}
	}

	private static void awaitEveryMember(OutputLines lines, String kind) {
		awaitEveryMember(lines, kind, MEMBERS);
	}

	private static void awaitEveryMember(OutputLines lines, String kind, int members) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> lines.startingWith(kind + " ").stream().distinct().count() == members);
	}

	private static void closeAll(List<OpenFile> files) {
		for (OpenFile file : files) {
			file.close();
		}
		files.clear();
	}

	private static String outputOf(Process process) throws Exception {
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		assertThat(text).as(text).contains("done");
		return text;
	}

}
