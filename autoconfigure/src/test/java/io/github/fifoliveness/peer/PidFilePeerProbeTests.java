package io.github.fifoliveness.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Tests for {@link PidFilePeerProbe} against real processes and files.
 */
class PidFilePeerProbeTests {

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
		assumeFalse(Fifos.isRoot(), "root may signal every process, so kill(pid, 0) never says EPERM");
		Path pidFile = Files.writeString(this.dir.resolve("init.pid"), "1\n");
		ProbeResult result = probe(pidFile);
		assertThat(result.alive()).isTrue();
		assertThat(result.note()).contains("belongs to another user");
	}

	private ProbeResult probe(Path pidFile) {
		return new PidFilePeerProbe(pidFile, this.posix).probe();
	}

}
