package io.github.fifoliveness.peer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.ProbeOnce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link PidFilePeerProbe} against real processes and files.
 */
class PidFilePeerProbeTests {

	private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

	/** An unprivileged user (nobody), for a daemon of another user. */
	private static final int DAEMON_USER = 65534;

	/** Another unprivileged user, for a monitor that probes that daemon. */
	private static final int MONITOR_USER = 65533;

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	@Test
	void pidFileOfARunningProcessIsAliveWithThePid() throws Exception {
		Process daemon = this.children.start("sleep", "600");
		Path pidFile = Files.writeString(this.dir.resolve("daemon.pid"), daemon.pid() + "\n");
		ProbeResult result = probe(pidFile);
		assertThat(result.alive()).isTrue();
		assertThat(result.pid()).isEqualTo((int) daemon.pid());
		assertThat(result.note()).isNull();
	}

	@Test
	void pidFileOfAKilledProcessIsStale() throws Exception {
		Process daemon = this.children.start("sleep", "600");
		Path pidFile = Files.writeString(this.dir.resolve("daemon.pid"), String.valueOf(daemon.pid()));
		ChildProcesses.kill(daemon);
		ProbeResult result = probe(pidFile);
		assertThat(result.reason()).isEqualTo(DownReason.STALE_PID);
		assertThat(result.pid()).isEqualTo((int) daemon.pid());
		assertThat(result.message()).contains("No process has PID " + daemon.pid());
	}

	@Test
	void processStartedAfterThePidFileWasWrittenIsAReusedPid() throws Exception {
		Path pidFile = this.dir.resolve("daemon.pid");
		Process newcomer = this.children.start("sleep", "600");
		Files.writeString(pidFile, newcomer.pid() + "\n");
		Files.setLastModifiedTime(pidFile, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		ProbeResult result = probe(pidFile);
		assertThat(result.reason()).isEqualTo(DownReason.PID_REUSED);
		assertThat(result.message()).contains("reused the PID");
	}

	@Test
	void processStartedJustBeforeTheFileWithinTheToleranceIsAlive() throws Exception {
		Process daemon = this.children.start("sleep", "600");
		Path pidFile = Files.writeString(this.dir.resolve("daemon.pid"), String.valueOf(daemon.pid()));
		Files.setLastModifiedTime(pidFile, FileTime.from(Instant.now().minus(Duration.ofSeconds(1))));
		assertThat(probe(pidFile).alive()).isTrue();
	}

	@Test
	void surroundingWhitespaceIsAllowed() throws Exception {
		Path pidFile = Files.writeString(this.dir.resolve("self.pid"), "  " + ProcessHandle.current().pid() + " \n\n");
		Files.setLastModifiedTime(pidFile, FileTime.from(Instant.now()));
		assertThat(probe(pidFile).alive()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "12 34", "-5", "0", "99999999999", "1e3", "0x10" })
	void anythingButADecimalPidIsInvalid(String content) throws Exception {
		Path pidFile = Files.writeString(this.dir.resolve("bad.pid"), content);
		ProbeResult result = probe(pidFile);
		assertThat(result.reason()).isEqualTo(DownReason.INVALID_PID_FILE);
		assertThat(result.message()).contains("does not hold a decimal process id");
	}

	@Test
	void missingPidFileIsMissing() {
		assertThat(probe(this.dir.resolve("none.pid")).reason()).isEqualTo(DownReason.MISSING);
	}

	@Test
	void processOfAnotherUserIsAliveWithANote() throws Exception {
		// kill(pid, 0) answers EPERM only to an unprivileged caller of another user than
		// the process's.
		assumeTrue(Fifos.isRoot(), "only root can start a process as another user");
		assumeTrue(Files.isExecutable(SETPRIV), "setpriv is not installed");
		Process daemon = this.children.start(SETPRIV.toString(), "--reuid=" + DAEMON_USER, "--regid=" + DAEMON_USER,
				"--clear-groups", "sleep", "600");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> uidsOf(daemon.pid()).equals(Collections.nCopies(4, String.valueOf(DAEMON_USER))));
		Path pidFile = Files.writeString(this.dir.resolve("daemon.pid"), daemon.pid() + "\n");
		assertThat(probeAs(MONITOR_USER, pidFile)).startsWith("ALIVE The process belongs to another user");
	}

	@Test
	void pidFileThatIsAFifoWithoutWriterIsInvalidAndNeverBlocks() {
		Path pidFile = Fifos.create(this.dir.resolve("daemon.pid"));
		ProbeResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> probe(pidFile));
		assertThat(result.reason()).isEqualTo(DownReason.INVALID_PID_FILE);
		assertThat(result.message()).startsWith("A FIFO is at the path, not a PID file");
	}

	@Test
	void pidFileThatIsADirectoryIsInvalid() throws Exception {
		Path pidFile = Files.createDirectory(this.dir.resolve("daemon.pid"));
		assertThat(probe(pidFile).message()).startsWith("A directory is at the path, not a PID file");
	}

	@Test
	void pidFileThatIsAUnixSocketIsInvalid() throws Exception {
		Path pidFile = this.dir.resolve("daemon.pid");
		try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			socket.bind(UnixDomainSocketAddress.of(pidFile));
			assertThat(probe(pidFile).message()).startsWith("A Unix socket is at the path, not a PID file");
		}
	}

	@Test
	void pidFileThatIsADeviceIsInvalidAndNotRead() {
		ProbeResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> probe(Path.of("/dev/zero")));
		assertThat(result.reason()).isEqualTo(DownReason.INVALID_PID_FILE);
		assertThat(result.message()).startsWith("A character device is at the path, not a PID file");
	}

	@Test
	void symbolicLinkToAPidFileOfALiveProcessIsNotRead() throws Exception {
		Process daemon = this.children.start("sleep", "600");
		Path pidFile = Files.writeString(this.dir.resolve("elsewhere.pid"), daemon.pid() + "\n");
		Path link = Files.createSymbolicLink(this.dir.resolve("daemon.pid"), pidFile);
		ProbeResult result = probe(link);
		assertThat(result.reason()).isEqualTo(DownReason.INVALID_PID_FILE);
		assertThat(result.message()).startsWith("A symbolic link is at the path, not a PID file");
	}

	@Test
	void hugePidFileCostsNoMoreThanAFewBytesOfReading() throws Exception {
		Path pidFile = this.dir.resolve("huge.pid");
		try (RandomAccessFile file = new RandomAccessFile(pidFile.toFile(), "rw")) {
			file.setLength(1L << 30);
		}
		// This thread's own I/O accounting: what the probe read, plus the reads of the
		// accounting file.
		long before = bytesReadByThisThread();
		ProbeResult result = probe(pidFile);
		long read = bytesReadByThisThread() - before;
		assertThat(result.reason()).isEqualTo(DownReason.INVALID_PID_FILE);
		assertThat(read).isLessThan(16 * 1024);
	}

	@Test
	void zombieProcessIsStale() throws Exception {
		// The shell starts a child that exits a second later, by when the shell has
		// become 'sleep', which never reaps it.
		Process parent = this.children.startPiped("sh", "-c", "sleep 1 & echo $!; exec sleep 600");
		int zombie = Integer
			.parseInt(new BufferedReader(new InputStreamReader(parent.getInputStream())).readLine().strip());
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> processState(zombie).equals("Z"));
		Path pidFile = Files.writeString(this.dir.resolve("zombie.pid"), zombie + "\n");
		ProbeResult result = probe(pidFile);
		assertThat(result.reason()).isEqualTo(DownReason.STALE_PID);
		assertThat(result.pid()).isEqualTo(zombie);
		assertThat(result.message()).contains("is a zombie");
	}

	@Test
	void processWhoseMainThreadExitedWhileOthersRunIsAlive() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc is not installed");
		Path source = Files.writeString(this.dir.resolve("leader.c"), """
				#include <pthread.h>
				#include <unistd.h>
				static void *work(void *arg) { sleep(600); return arg; }
				int main(void) { pthread_t t; pthread_create(&t, 0, work, 0); pthread_exit(0); }
				""");
		Path program = this.dir.resolve("leader");
		Fifos.run("gcc", "-pthread", "-o", program.toString(), source.toString());
		Process leader = this.children.start(program.toString());
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> processState((int) leader.pid()).equals("Z"));
		Path pidFile = Files.writeString(this.dir.resolve("leader.pid"), leader.pid() + "\n");
		assertThat(probe(pidFile).alive()).isTrue();
	}

	@Test
	void pidFileOfAnotherUserThanTheExpectedOwnerIsForeign() throws Exception {
		Process daemon = this.children.start("sleep", "600");
		Path pidFile = Files.writeString(this.dir.resolve("daemon.pid"), daemon.pid() + "\n");
		int owner = this.posix.effectiveUid();
		assumeTrue(owner != 0, "as root every PID file of root is trusted; see pidFileOfRootIsAlwaysTrusted");
		ProbeResult result = new PidFilePeerProbe(pidFile, new ExpectedOwner(owner + 1), this.posix).probe();
		assertThat(result.reason()).isEqualTo(DownReason.FOREIGN_OWNER);
		assertThat(result.message()).contains("belongs to uid " + owner);
	}

	@Test
	void pidFileOfANonRootUserIsForeignToAMonitorExpectingAnotherOne() throws Exception {
		assumeTrue(Fifos.isRoot(), "only root can give a file to another user");
		Process daemon = this.children.start("sleep", "600");
		Path pidFile = Files.writeString(this.dir.resolve("daemon.pid"), daemon.pid() + "\n");
		Fifos.run("chown", "65534", pidFile.toString());
		ProbeResult result = new PidFilePeerProbe(pidFile, new ExpectedOwner(1000), this.posix).probe();
		assertThat(result.reason()).isEqualTo(DownReason.FOREIGN_OWNER);
		assertThat(new PidFilePeerProbe(pidFile, new ExpectedOwner(65534), this.posix).probe().alive()).isTrue();
	}

	@Test
	void pidFileOfRootIsAlwaysTrusted() throws Exception {
		assumeTrue(Fifos.isRoot(), "only root can write a file root owns");
		Process daemon = this.children.start("sleep", "600");
		Path pidFile = Files.writeString(this.dir.resolve("daemon.pid"), daemon.pid() + "\n");
		assertThat(new PidFilePeerProbe(pidFile, new ExpectedOwner(1000), this.posix).probe().alive()).isTrue();
	}

	private static long bytesReadByThisThread() throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/thread-self/io"))) {
			if (line.startsWith("rchar:")) {
				return Long.parseLong(line.substring(6).strip());
			}
		}
		throw new IllegalStateException("/proc/thread-self/io has no rchar");
	}

	private static String processState(int pid) throws Exception {
		String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
		return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
	}

	// Real, effective, saved and file-system uid of a process, as /proc/<pid>/status
	// shows them.
	private static List<String> uidsOf(long pid) throws Exception {
		String uids = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
			.stream()
			.filter((line) -> line.startsWith("Uid:"))
			.findFirst()
			.orElseThrow();
		return List.of(uids.substring("Uid:".length()).strip().split("\\s+"));
	}

	private String probeAs(int uid, Path pidFile) throws Exception {
		Fifos.run("chmod", "755", this.dir.toString());
		Fifos.run("chmod", "644", pidFile.toString());
		Process process = this.children.startJavaAs(uid, this.dir, ProbeOnce.class, "--pid-file", pidFile.toString());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private ProbeResult probe(Path pidFile) {
		return new PidFilePeerProbe(pidFile, this.posix).probe();
	}

}
