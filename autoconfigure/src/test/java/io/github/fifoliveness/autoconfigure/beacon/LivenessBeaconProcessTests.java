package io.github.fifoliveness.autoconfigure.beacon;

import io.github.fifoliveness.beacon.BeaconException;
import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.beacon.BeaconLockFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.fifoliveness.peer.DownReason;
import io.github.fifoliveness.peer.FifoPeerProbe;
import io.github.fifoliveness.peer.ProbeResult;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import io.github.fifoliveness.testsupport.HoldBeacon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The beacon among other processes: a second instance, a child that outlives the
 * application, a holder in another PID namespace.
 */
class LivenessBeaconProcessTests {

	@RegisterExtension
	final ChildProcesses children = new ChildProcesses();

	@TempDir
	Path dir;

	private final NativePosix posix = NativePosix.get();

	@Test
	void secondInstanceFailsNamingThePidOfTheFirst() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		Process first = this.children.startJava(List.of(), HoldBeacon.class, fifo.toString());
		ChildProcesses.awaitLine(first, "held");
		LivenessBeacon second = new LivenessBeacon(fifo, this.posix);
		assertThatExceptionOfType(BeaconException.class).isThrownBy(second::start)
			.withMessageContaining("another instance holds it (pid " + first.pid() + ")")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("fifo-liveness.beacon.single-instance=false"));
		assertThat(second.isHeld()).isFalse();
		assertThat(probe(fifo).alive()).isTrue();
	}

	@Test
	void whenTheFirstInstanceDiesTheLockIsFreeAtOnce() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		Process first = this.children.startJava(List.of(), HoldBeacon.class, fifo.toString());
		ChildProcesses.awaitLine(first, "held");
		ChildProcesses.kill(first);
		LivenessBeacon second = new LivenessBeacon(fifo, this.posix);
		second.start();
		try {
			assertThat(probe(fifo).alive()).isTrue();
			assertThat(Files.readString(BeaconLockFiles.of(fifo)).strip())
				.isEqualTo(String.valueOf(ProcessHandle.current().pid()));
		}
		finally {
			second.stop();
		}
	}

	@Test
	void twoInstancesStartingAtOnceCannotBothWin() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		Process a = this.children.startJava(List.of(), HoldBeacon.class, fifo.toString());
		Process b = this.children.startJava(List.of(), HoldBeacon.class, fifo.toString());
		await().atMost(Duration.ofSeconds(30)).until(() -> !a.isAlive() || !b.isAlive());
		Process loser = a.isAlive() ? b : a;
		Process winner = (loser == a) ? b : a;
		assertThat(winner.isAlive()).isTrue();
		assertThat(new String(loser.getInputStream().readAllBytes())).contains("another instance holds it");
		assertThat(probe(fifo).alive()).isTrue();
	}

	@Test
	void withoutSingleInstanceTwoBeaconsHoldOneFifo() {
		Path fifo = this.dir.resolve("app.fifo");
		LivenessBeacon first = new LivenessBeacon(new FifoBeacon(fifo, false, this.posix), Duration.ZERO, true);
		LivenessBeacon second = new LivenessBeacon(new FifoBeacon(fifo, false, this.posix), Duration.ZERO, true);
		first.start();
		second.start();
		first.stop();
		assertThat(probe(fifo).alive()).isTrue();
		second.stop();
		assertThat(BeaconLockFiles.of(fifo)).doesNotExist();
	}

	@Test
	void stopRemovesTheLockFileItCreated() {
		Path fifo = this.dir.resolve("app.fifo");
		LivenessBeacon beacon = new LivenessBeacon(fifo, this.posix);
		beacon.start();
		assertThat(BeaconLockFiles.of(fifo)).isRegularFile();
		beacon.stop();
		assertThat(BeaconLockFiles.of(fifo)).doesNotExist();
		assertThat(fifo).doesNotExist();
	}

	@Test
	void childOfTheApplicationDoesNotKeepItAliveAfterItDies() throws Exception {
		Path fifo = this.dir.resolve("app.fifo");
		Process application = this.children.startJava(List.of(), HoldBeacon.class, fifo.toString(), "spawn-child");
		// Printed once the beacon holds its FIFO and the child runs.
		long child = Long.parseLong(ChildProcesses.awaitLine(application, "child"));
		try {
			assertThat(probe(fifo).alive()).isTrue();
			ChildProcesses.kill(application);
			assertThat(ProcessHandle.of(child)).as("the child outlives the application").isPresent();
			ProbeResult afterDeath = probe(fifo);
			assertThat(afterDeath.alive()).isFalse();
			assertThat(afterDeath.reason()).isEqualTo(DownReason.NO_READER);
		}
		finally {
			ChildProcesses.kill(child);
		}
	}

	@Test
	void holderInAnotherPidNamespaceIsSeen() throws Exception {
		assumeTrue(Fifos.isRoot(), "unshare --pid needs root");
		Path fifo = Fifos.create(this.dir.resolve("sidecar.fifo"));
		Process namespace = this.children.start("unshare", "--pid", "--fork", "--kill-child", "sh", "-c",
				"exec 3<>\"$0\"; exec sleep 600", fifo.toString());
		await().atMost(Duration.ofSeconds(10)).until(() -> probe(fifo).alive() || !namespace.isAlive());
		assumeTrue(namespace.isAlive(), "unshare --pid is not permitted here");
		ChildProcesses.kill(namespace);
		await().atMost(Duration.ofSeconds(10)).until(() -> !probe(fifo).alive());
		assertThat(probe(fifo).reason()).isEqualTo(DownReason.NO_READER);
	}

	private ProbeResult probe(Path fifo) {
		return new FifoPeerProbe(fifo, this.posix).probe();
	}

}
