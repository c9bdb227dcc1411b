package io.github.fifoliveness.peer;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
		// kill(pid, 0) answers EPERM only to an unprivileged caller: as root, probe as nobody.
		Path pidFile = Files.writeString(this.dir.resolve("init.pid"), "1\n");
		if (!Fifos.isRoot()) {
			ProbeResult result = probe(pidFile);
			assertThat(result.alive()).isTrue();
			assertThat(result.note()).contains("belongs to another user");
			return;
		}
		assertThat(probeAsNobody("--pid-file", pidFile)).startsWith("ALIVE The process belongs to another user");
	}

	private String probeAsNobody(String option, Path path) throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is not installed");
		Fifos.run("chmod", "755", this.dir.toString());
		Fifos.run("chmod", "644", path.toString());
		Process process = this.children.start(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
				unprivilegedClassPath(), ProbeOnce.class, option, path.toString());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	// The probe needs this module's classes and jnr's jars; copied where nobody can read them.
	private String unprivilegedClassPath() throws Exception {
		Path jars = Files.createDirectory(this.dir.resolve("classpath"));
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path source = Path.of(entry);
			if (Files.isDirectory(source)) {
				entries.add(entry);
			}
			else if (source.getFileName().toString().matches("(jnr|jffi|asm).*\\.jar")) {
				entries.add(Files.copy(source, jars.resolve(source.getFileName())).toString());
			}
		}
		Fifos.run("chmod", "-R", "a+rX", jars.toString());
		return String.join(File.pathSeparator, entries);
	}

	private ProbeResult probe(Path pidFile) {
		return new PidFilePeerProbe(pidFile, this.posix).probe();
	}

}
