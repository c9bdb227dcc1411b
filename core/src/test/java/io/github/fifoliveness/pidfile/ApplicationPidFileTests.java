package io.github.fifoliveness.pidfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

import io.github.fifoliveness.peer.PidFilePeerProbe;
import io.github.fifoliveness.posix.FileStatus;
import io.github.fifoliveness.posix.FileType;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.FileSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link ApplicationPidFile} against the real filesystem.
 */
class ApplicationPidFileTests {

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	@Test
	void writesTheDecimalPidAndANewlineOnlyOwnerOnlyWithNoTemporaryFileLeft() throws Exception {
		Path pidFile = this.dir.resolve("run/app.pid");
		ApplicationPidFile writer = new ApplicationPidFile(pidFile, "fifo-liveness.pid-file", this.posix);
		writer.start();
		try {
			assertThat(pidFile).hasContent(ProcessHandle.current().pid() + "\n");
			assertThat(Files.readString(pidFile)).endsWith("\n").doesNotContain(" ");
			assertThat(Files.getPosixFilePermissions(pidFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			try (Stream<Path> files = Files.list(pidFile.getParent())) {
				assertThat(files).containsExactly(pidFile);
			}
			assertThat(new PidFilePeerProbe(pidFile, this.posix).probe().alive()).isTrue();
		}
		finally {
			writer.stop();
		}
		assertThat(pidFile).doesNotExist();
	}

	@Test
	void replacesAStalePidFileLeftByACrash() throws Exception {
		Path pidFile = Files.writeString(this.dir.resolve("app.pid"), "999999\n");
		ApplicationPidFile writer = new ApplicationPidFile(pidFile, "fifo-liveness.pid-file", this.posix);
		writer.start();
		assertThat(pidFile).hasContent(ProcessHandle.current().pid() + "\n");
		writer.stop();
	}

	@Test
	void stopLeavesAPidFileThatNoLongerHoldsOurPid() throws Exception {
		Path pidFile = this.dir.resolve("app.pid");
		ApplicationPidFile writer = new ApplicationPidFile(pidFile, "fifo-liveness.pid-file", this.posix);
		writer.start();
		Files.writeString(pidFile, "4242\n");
		writer.stop();
		assertThat(pidFile).hasContent("4242\n");
	}

	@Test
	void stopLeavesAFifoThatTookThePidFilesPlaceWithoutBlocking() throws Exception {
		Path pidFile = this.dir.resolve("app.pid");
		ApplicationPidFile writer = new ApplicationPidFile(pidFile, "fifo-liveness.pid-file", this.posix);
		writer.start();
		Files.delete(pidFile);
		Fifos.create(pidFile);
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> writer.stop());
		assertThat(this.posix.statusOf(pidFile)).get().extracting(FileStatus::type).isEqualTo(FileType.FIFO);
		assertThat(writer.isRunning()).isFalse();
	}

	@Test
	void directoryAtThePathIsRefusedAndLeftUntouched() throws Exception {
		Path directory = Files.createDirectory(this.dir.resolve("app.pid"));
		FileSnapshot before = FileSnapshot.of(directory);
		assertThatIllegalStateException()
			.isThrownBy(new ApplicationPidFile(directory, "fifo-liveness.pid-file", this.posix)::start)
			.withMessageContaining("Cannot write PID file '" + directory + "' (fifo-liveness.pid-file)")
			.withMessageContaining("a directory is there");
		assertThat(FileSnapshot.of(directory)).isEqualTo(before);
	}

}
