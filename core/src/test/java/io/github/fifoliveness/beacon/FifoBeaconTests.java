package io.github.fifoliveness.beacon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.FileType;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.OpenFile;
import io.github.fifoliveness.testsupport.FileDescriptors;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FifoBeacon} against real FIFOs in a temporary folder.
 */
class FifoBeaconTests {

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	private FifoBeacon beacon;

	@AfterEach
	void stopBeacon() {
		if (this.beacon != null) {
			this.beacon.release();
		}
	}

	@Test
	void watchIntervalIsOffOrPositive() {
		assertThat(FifoBeaconWatcher.interval(Duration.ZERO)).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> FifoBeaconWatcher.interval(Duration.ofSeconds(-2)))
			.withMessageStartingWith("A watch interval cannot be negative or above 36500d; give 0 to never check");
		assertThatIllegalArgumentException().isThrownBy(() -> FifoBeaconWatcher.interval(Duration.ofDays(110_000)));
		FifoBeacon beacon = new FifoBeacon(this.dir.resolve("app.fifo"), true, this.posix);
		assertThatIllegalArgumentException().isThrownBy(() -> new FifoBeaconWatcher(beacon, Duration.ofMillis(-1)));
		assertThat(this.dir).isEmptyDirectory();
	}

	@Test
	void startCreatesOwnerOnlyFoldersAndFifoAndHoldsIt() throws Exception {
		Path fifo = this.dir.resolve("run/app/app.fifo");
		start(fifo);
		assertThat(this.posix.statusOf(fifo)).hasValueSatisfying((status) -> {
			assertThat(status.type()).isEqualTo(FileType.FIFO);
			assertThat(status.permissions()).isEqualTo(0600);
		});
		assertThat(Files.getPosixFilePermissions(this.dir.resolve("run")))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(Files.getPosixFilePermissions(this.dir.resolve("run/app")))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(this.beacon.isHeld()).isTrue();
		assertThat(probeAlive(fifo)).isTrue();
	}

	@Test
	void aLockTakenAheadOfAHoldThatNeverCameIsGivenBack() {
		Path fifo = this.dir.resolve("app.fifo");
		FifoBeacon first = new FifoBeacon(fifo, true, this.posix);
		first.lock();
		assertThatExceptionOfType(BeaconLockHeldException.class)
			.isThrownBy(() -> new FifoBeacon(fifo, true, this.posix).lock());
		first.release();
		assertThat(this.dir.resolve("app.fifo.lock")).doesNotExist();
		start(fifo);
		assertThat(probeAlive(fifo)).isTrue();
	}

	@Test
	void aLockFileRemovedBetweenTheLockAndTheHoldIsTakenAgain() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		this.beacon = new FifoBeacon(fifo, true, this.posix);
		this.beacon.lock();
		Files.delete(this.dir.resolve("app.fifo.lock"));
		this.beacon.hold();
		assertThatExceptionOfType(BeaconLockHeldException.class)
			.isThrownBy(() -> new FifoBeacon(fifo, true, this.posix).lock());
	}

	@Test
	void stopReleasesAndRemovesTheFifoItCreated() {
		Path fifo = this.dir.resolve("app.fifo");
		start(fifo);
		this.beacon.release();
		assertThat(this.beacon.isHeld()).isFalse();
		assertThat(fifo).doesNotExist();
	}

	@Test
	void fifoLeftBehindByACrashIsAdoptedAndRemovedOnStop() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("app.fifo"));
		leaveLockFileOfACrashedRun(fifo);
		long inode = this.posix.statusOf(fifo).orElseThrow().inode();
		start(fifo);
		assertThat(probeAlive(fifo)).isTrue();
		assertThat(this.posix.statusOf(fifo).orElseThrow().inode()).isEqualTo(inode);
		this.beacon.release();
		assertThat(fifo).doesNotExist();
	}

	@Test
	void fifoLeftBehindByACrashIsAdoptedByABeaconFirstHeldOnResume() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("ready.fifo"));
		leaveLockFileOfACrashedRun(fifo);
		// As a readiness beacon starts: suspended until the application is ready.
		this.beacon = new FifoBeacon(fifo, true, this.posix);
		this.beacon.suspend("not ready yet");
		this.beacon.hold();
		this.beacon.resume();
		assertThat(probeAlive(fifo)).isTrue();
		this.beacon.release();
		assertThat(fifo).doesNotExist();
	}

	@Test
	void fifoAnotherProgramMadeIsHeldButKeptOnStop() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("app.fifo"));
		start(fifo);
		assertThat(probeAlive(fifo)).isTrue();
		this.beacon.release();
		assertThat(this.posix.statusOf(fifo).orElseThrow().type()).isEqualTo(FileType.FIFO);
	}

	@Test
	void fifoFoundWithoutTheSingleInstanceLockIsKeptOnStop() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("app.fifo"));
		this.beacon = new FifoBeacon(fifo, false, this.posix);
		this.beacon.hold();
		this.beacon.release();
		assertThat(this.posix.statusOf(fifo).orElseThrow().type()).isEqualTo(FileType.FIFO);
	}

	@Test
	void fifoFoundHeldByAnotherProcessIsKeptOnStop() throws Exception {
		Path fifo = Fifos.create(this.dir.resolve("app.fifo"));
		try (OpenFile other = this.posix.openReadEnd(fifo)) {
			start(fifo);
			this.beacon.release();
			assertThat(probeAlive(fifo)).isTrue();
		}
		assertThat(this.posix.statusOf(fifo).orElseThrow().type()).isEqualTo(FileType.FIFO);
	}

	@Test
	void stopAfterAnotherInstanceTookALockFileThatReplacedOursKeepsTheFifoItHolds() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		start(fifo);
		Files.delete(this.dir.resolve("app.fifo.lock"));
		FifoBeacon other = new FifoBeacon(fifo, true, this.posix);
		other.hold();
		try {
			this.beacon.release();
			assertThat(probeAlive(fifo)).isTrue();
		}
		finally {
			other.release();
		}
	}

	@Test
	void fifoLeftWithAnotherModeIsKeptOnStop() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		Fifos.run("mkfifo", "-m", "400", fifo.toString());
		start(fifo);
		this.beacon.release();
		assertThat(this.posix.statusOf(fifo).orElseThrow().type()).isEqualTo(FileType.FIFO);
	}

	@Test
	void lockFileLeftBehindByACrashIsReused() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		Path lock = leaveLockFileOfACrashedRun(fifo);
		start(fifo);
		assertThat(lock).hasContent(ProcessHandle.current().pid() + "\n");
		this.beacon.release();
		assertThat(lock).doesNotExist();
	}

	@Test
	void emptyLockFileLeftByACrashBetweenCreateAndWriteIsReused() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		Path lock = Files.createFile(BeaconLock.pathFor(fifo),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		start(fifo);
		assertThat(lock).hasContent(ProcessHandle.current().pid() + "\n");
	}

	@Test
	void restartAfterStopHoldsTheFifoAgain() {
		Path fifo = this.dir.resolve("app.fifo");
		start(fifo);
		this.beacon.release();
		this.beacon.hold();
		assertThat(probeAlive(fifo)).isTrue();
	}

	@Test
	void suspendClosesTheReadEndAndResumeHoldsTheSameFifoAgain() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		start(fifo);
		long inode = this.posix.statusOf(fifo).orElseThrow().inode();
		this.beacon.suspend("testing");
		assertThat(probeAlive(fifo)).isFalse();
		assertThat(this.beacon.status().reason()).isEqualTo(BeaconDownReason.SUSPENDED);
		assertThat(this.beacon.isHolding()).isTrue();
		this.beacon.resume();
		assertThat(probeAlive(fifo)).isTrue();
		assertThat(this.posix.statusOf(fifo).orElseThrow().inode()).isEqualTo(inode);
	}

	@Test
	void resumeThatCannotHoldTheFifoReportsItAndTheNextCheckRecovers() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		start(fifo);
		this.beacon.suspend("testing");
		Files.delete(fifo);
		Files.writeString(fifo, "someone else's");
		this.beacon.resume();
		assertThat(this.beacon.status().reason()).isEqualTo(BeaconDownReason.ERROR);
		assertThat(this.beacon.status().message()).contains("a regular file is there");
		this.beacon.check();
		assertThat(this.beacon.isHeld()).isFalse();
		assertThat(fifo).hasContent("someone else's");
		Files.delete(fifo);
		this.beacon.check();
		assertThat(this.beacon.isHeld()).isTrue();
		assertThat(probeAlive(fifo)).isTrue();
	}

	@Test
	void aFifoOpenToOthersPutInPlaceIsNotHeldNorChangedUntilItsOwnerFixesIt() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		start(fifo);
		Files.delete(fifo);
		Fifos.run("mkfifo", "-m", "644", fifo.toString());
		this.beacon.check();
		assertThat(this.beacon.status().reason()).isEqualTo(BeaconDownReason.ERROR);
		assertThat(this.beacon.status().message()).contains("the FIFO there has mode 0644");
		assertThat((int) Files.getAttribute(fifo, "unix:mode") & 07777).isEqualTo(0644);
		assertThat(probeAlive(fifo)).isFalse();
		Fifos.run("chmod", "600", fifo.toString());
		this.beacon.check();
		assertThat(this.beacon.isHeld()).isTrue();
		assertThat(probeAlive(fifo)).isTrue();
	}

	@Test
	void stopWhileSuspendedStillRemovesWhatTheBeaconCreated() {
		Path fifo = this.dir.resolve("app.fifo");
		start(fifo);
		this.beacon.suspend("testing");
		this.beacon.release();
		assertThat(fifo).doesNotExist();
		assertThat(fifo.resolveSibling("app.fifo.lock")).doesNotExist();
	}

	@Test
	void regularFileAtThePathFailsStartAndIsLeftUntouched() throws Exception {
		Path file = Files.writeString(this.dir.resolve("app.fifo"), "precious");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		FifoBeacon beacon = new FifoBeacon(file, true, this.posix);
		assertThatExceptionOfType(BeaconException.class).isThrownBy(beacon::hold)
			.withMessageContaining(file.toString())
			.withMessageContaining("a regular file is there");
		assertThat(file).hasContent("precious");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(beacon.isHeld()).isFalse();
	}

	@Test
	void stopDoesNotRemoveAFifoThatReplacedOurs() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		start(fifo);
		Files.delete(fifo);
		Fifos.create(fifo);
		long replacement = this.posix.statusOf(fifo).orElseThrow().inode();
		this.beacon.release();
		assertThat(this.posix.statusOf(fifo).orElseThrow().inode()).isEqualTo(replacement);
	}

	@Test
	void readEndIsNonBlockingAndClosedOnExec() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		start(fifo);
		int flags = FileDescriptors.flagsOfDescriptorOpenOn(fifo);
		assertThat(flags & FileDescriptors.O_CLOEXEC).as("O_CLOEXEC").isNotZero();
		assertThat(flags & FileDescriptors.O_NONBLOCK).as("O_NONBLOCK").isNotZero();
		assertThat(flags & FileDescriptors.O_ACCMODE).as("read-only").isZero();
	}

	private void start(Path fifo) {
		this.beacon = new FifoBeacon(fifo, true, this.posix);
		this.beacon.hold();
	}

	private boolean probeAlive(Path fifo) {
		return new FifoPeerProbe(fifo, this.posix).probe().alive();
	}

	private static Path leaveLockFileOfACrashedRun(Path fifo) throws IOException {
		Path lock = Files.writeString(BeaconLock.pathFor(fifo), "999999\n");
		Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-------"));
		return lock;
	}

}
