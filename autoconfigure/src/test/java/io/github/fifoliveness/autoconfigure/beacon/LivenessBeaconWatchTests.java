package io.github.fifoliveness.autoconfigure.beacon;

import io.github.fifoliveness.beacon.BeaconException;
import io.github.fifoliveness.beacon.BeaconDownReason;
import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.beacon.BeaconStatus;
import io.github.fifoliveness.beacon.BeaconLockFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.fifoliveness.peer.DownReason;
import io.github.fifoliveness.peer.ExpectedOwner;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The beacon keeps its FIFO when its surroundings change while the application runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class LivenessBeaconWatchTests {

	private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	private LivenessBeacon beacon;

	@AfterEach
	void stopBeacon() {
		if (this.beacon != null) {
			this.beacon.stop();
		}
	}

	@Test
	void deletedFifoIsRecreatedAndPeersSeeTheApplicationAliveAgain(CapturedOutput output) throws Exception {
		Path fifo = start();
		Files.delete(fifo);
		assertThat(probeAlive(fifo)).isFalse();
		await().atMost(Duration.ofSeconds(5)).until(() -> probeAlive(fifo));
		assertThat(this.beacon.isHeld()).isTrue();
		assertThat(this.posix.statusOf(fifo).orElseThrow().permissions()).isEqualTo(0600);
		watchRounds(5);
		assertThat(output.getOut().split("was removed or replaced", -1)).as("one WARN line").hasSize(2);
	}

	@Test
	void regularFileTakingTheFifosPlaceIsReportedAndLeftAlone(CapturedOutput output) throws Exception {
		Path fifo = start();
		Files.delete(fifo);
		Files.writeString(fifo, "someone else's");
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.beacon.isHeld());
		BeaconStatus status = this.beacon.status();
		assertThat(status.reason()).isEqualTo(BeaconDownReason.NOT_A_FIFO);
		assertThat(status.message()).startsWith("A regular file took the FIFO's place");
		watchRounds(5);
		assertThat(fifo).hasContent("someone else's");
		assertThat(output.getOut().split("took the FIFO's place", -1)).as("one WARN line").hasSize(2);
		Files.delete(fifo);
		await().atMost(Duration.ofSeconds(5)).until(() -> probeAlive(fifo));
		assertThat(this.beacon.isHeld()).isTrue();
	}

	@Test
	void fifoOfAnotherUserTakingTheFifosPlaceIsReportedForWhatPeersReallySee(CapturedOutput output) throws Exception {
		assumeTrue(Fifos.isRoot(), "only root can give a FIFO to another user");
		Path fifo = start();
		Files.delete(fifo);
		Fifos.create(fifo);
		Fifos.run("chown", "65534", fifo.toString());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.beacon.status().reason() == BeaconDownReason.NOT_OURS);
		assertThat(this.beacon.status().message())
			.contains("Peers that check the owner see the application down (FOREIGN_OWNER)")
			.contains(
					"a monitor running as root without 'fifo-liveness.peers.<name>.owner' sees whoever holds that FIFO")
			.doesNotContain("Peers see the application down");
		assertThat(new FifoPeerProbe(fifo, new ExpectedOwner(0), this.posix).probe().reason())
			.isEqualTo(DownReason.FOREIGN_OWNER);
	}

	@Test
	void fifoReplacedByAnotherFifoOfOursIsHeldInstead() throws Exception {
		Path fifo = start();
		Files.delete(fifo);
		Fifos.create(fifo);
		long replacement = this.posix.statusOf(fifo).orElseThrow().inode();
		await().atMost(Duration.ofSeconds(5)).until(() -> probeAlive(fifo));
		assertThat(this.posix.statusOf(fifo).orElseThrow().inode()).isEqualTo(replacement);
	}

	@Test
	void removedLockFileIsLockedAgainSoASecondInstanceIsStillRefused(CapturedOutput output) throws Exception {
		Path fifo = start();
		Path lock = BeaconLockFiles.of(fifo);
		Files.delete(lock);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> output.getOut()
				.contains("Liveness beacon's lock file '" + lock + "' was removed while the application ran"));
		assertThat(lock).hasContent(ProcessHandle.current().pid() + "\n");
		LivenessBeacon second = new LivenessBeacon(new FifoBeacon(fifo, true, this.posix), Duration.ZERO, true);
		assertThatExceptionOfType(BeaconException.class).isThrownBy(second::start)
			.withMessageContaining("another instance holds it (pid " + ProcessHandle.current().pid() + ")");
	}

	@Test
	void removedFolderIsRecreatedWithItsLock() throws Exception {
		Path fifo = start();
		Files.delete(fifo);
		Files.delete(BeaconLockFiles.of(fifo));
		Files.delete(fifo.getParent());
		await().atMost(Duration.ofSeconds(5)).until(() -> probeAlive(fifo));
		await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(BeaconLockFiles.of(fifo)));
		LivenessBeacon second = new LivenessBeacon(new FifoBeacon(fifo, true, this.posix), Duration.ZERO, true);
		assertThatExceptionOfType(BeaconException.class).isThrownBy(second::start)
			.withMessageContaining("another instance holds it");
	}

	@Test
	void secondInstanceThatTookTheLockWhileItWasMissingTurnsTheFirstDown(CapturedOutput output) throws Exception {
		Path fifo = this.dir.resolve("run/app.fifo");
		// No watcher: the test runs the watcher's check itself, at the moments that
		// matter.
		this.beacon = new LivenessBeacon(new FifoBeacon(fifo, true, this.posix), Duration.ZERO, true);
		this.beacon.start();
		Files.delete(BeaconLockFiles.of(fifo));
		LivenessBeacon second = new LivenessBeacon(new FifoBeacon(fifo, true, this.posix), Duration.ZERO, true);
		second.start();
		try {
			this.beacon.getFifo().check();
			this.beacon.getFifo().check();
			BeaconStatus status = this.beacon.status();
			assertThat(status.reason()).isEqualTo(BeaconDownReason.LOCK_LOST);
			assertThat(status.message()).contains("took the lock file").contains("Stop one of them");
			assertThat(second.isHeld()).isTrue();
			assertThat(output.getOut().split("took the lock file", -1)).as("one WARN line").hasSize(2);
		}
		finally {
			second.stop();
		}
		this.beacon.getFifo().check();
		assertThat(this.beacon.isHeld()).isTrue();
		assertThat(BeaconLockFiles.of(fifo)).hasContent(ProcessHandle.current().pid() + "\n");
	}

	private Path start() {
		Path fifo = this.dir.resolve("run/app.fifo");
		this.beacon = new LivenessBeacon(new FifoBeacon(fifo, true, this.posix), WATCH_INTERVAL, true);
		this.beacon.start();
		assertThat(probeAlive(fifo)).isTrue();
		return fifo;
	}

	// Further watch rounds, run on this thread so that they have certainly happened. A
	// round waits for the watcher's round in progress, so what that one logs is logged.
	private void watchRounds(int rounds) {
		for (int i = 0; i < rounds; i++) {
			this.beacon.getFifo().check();
		}
	}

	private boolean probeAlive(Path fifo) {
		return new FifoPeerProbe(fifo, this.posix).probe().alive();
	}

}
