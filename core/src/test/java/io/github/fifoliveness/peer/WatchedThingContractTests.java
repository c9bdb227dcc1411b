package io.github.fifoliveness.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.fifoliveness.peer.PeerFolderChange.Kind;
import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.testsupport.ChildProcesses;
import io.github.fifoliveness.testsupport.Fifos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract every thing the one loop watches keeps, whatever it is: a FIFO peer, a
 * PID-file peer and a member of a peer folder, each held by a real process. Up at the
 * first look, down through the kernel alone after SIGKILL (polling and the safety net
 * off), up again when a new holder comes, seen when it starts after the monitor, and the
 * same by polling alone when kernel events are off or the loop fails.
 */
class WatchedThingContractTests {

	private static final Duration OFF = Duration.ZERO;

	private static final Duration WITHIN = Duration.ofSeconds(30);

	private static final WatchSettings EVENTS_ONLY = new WatchSettings(true, OFF, OFF);

	private static final WatchSettings POLLING_ONLY = new WatchSettings(false, Duration.ofMillis(100), OFF);

	@Nested
	class FifoPeer extends Contract {

		@Override
		Process startHolder() {
			return holdFifo("orders.fifo");
		}

		@Override
		PeerProbe probe() {
			return new FifoPeerProbe(this.dir.resolve("orders.fifo"), this.posix);
		}

		@Override
		PeerWatcher watcher(WatchSettings settings) {
			return peerWatcher(probe(), settings);
		}

		@Override
		String downAfterSigkill() {
			return "DOWN NO_READER";
		}

	}

	@Nested
	class PidFilePeer extends Contract {

		// Written elsewhere and renamed into place, as daemons write their PID file.
		@Override
		Process startHolder() throws Exception {
			Process daemon = this.children.start("sleep", "600");
			Path written = Files.writeString(this.dir.resolve("daemon.pid.tmp"), daemon.pid() + "\n");
			Files.move(written, this.dir.resolve("daemon.pid"), StandardCopyOption.ATOMIC_MOVE);
			return daemon;
		}

		@Override
		PeerProbe probe() {
			return new PidFilePeerProbe(this.dir.resolve("daemon.pid"), this.posix);
		}

		@Override
		PeerWatcher watcher(WatchSettings settings) {
			return peerWatcher(probe(), settings);
		}

		@Override
		String downAfterSigkill() {
			return "DOWN STALE_PID";
		}

	}

	@Nested
	class FolderMember extends Contract {

		@Override
		Process startHolder() {
			return holdFifo("worker-1.fifo");
		}

		@Override
		PeerProbe probe() {
			return new FifoPeerProbe(this.dir.resolve("worker-1.fifo"), this.posix);
		}

		@Override
		PeerWatcher watcher(WatchSettings settings) {
			PeerFolder folder = new PeerFolder("workers", this.dir, PeerFolder.DEFAULT_PATTERN, 1, null,
					PeerFolder.DEFAULT_MAX_MEMBERS, OFF);
			return new PeerWatcher(new Peers(Map.of()), List.of(folder), settings, (change) -> {
			}, (change) -> {
				if (change.member() != null && change.kind() != Kind.MEMBER_LEFT) {
					this.states.add(state(change.result()));
				}
			}, this.posix);
		}

		@Override
		String downAfterSigkill() {
			return "DOWN NO_READER";
		}

	}

	abstract static class Contract {

		@RegisterExtension
		final ChildProcesses children = new ChildProcesses();

		@TempDir
		Path dir;

		final NativePosix posix = NativePosix.get();

		// What the watcher told of the thing, in order: UP, or DOWN and the reason.
		final List<String> states = new CopyOnWriteArrayList<>();

		private PeerWatcher watcher;

		/**
		 * Start a process that makes the thing alive, and keeps it so until killed.
		 */
		abstract Process startHolder() throws Exception;

		/**
		 * Return a probe of the thing, by which a test knows that a holder it started has
		 * made it alive.
		 */
		abstract PeerProbe probe();

		/**
		 * Create a watcher of the thing that adds what it tells to {@link #states}.
		 */
		abstract PeerWatcher watcher(WatchSettings settings);

		abstract String downAfterSigkill();

		@AfterEach
		void stopWatcher() {
			if (this.watcher != null) {
				this.watcher.stop();
			}
		}

		@Test
		void aLiveThingIsUpAtTheFirstLook() throws Exception {
			startAlive();
			watch(EVENTS_ONLY);
			awaitStates("UP");
		}

		@Test
		void aThingKilledWithSigkillIsDownThroughTheKernelAlone() throws Exception {
			Process holder = startAlive();
			watch(EVENTS_ONLY);
			awaitStates("UP");
			assertThat(this.watcher.isWatched()).isTrue();
			ChildProcesses.kill(holder);
			awaitStates("UP", downAfterSigkill());
		}

		@Test
		void aThingRestartedAfterItsDeathIsUpAgainThroughTheKernelAlone() throws Exception {
			Process holder = startAlive();
			watch(EVENTS_ONLY);
			awaitStates("UP");
			ChildProcesses.kill(holder);
			awaitStates("UP", downAfterSigkill());
			startAlive();
			awaitStates("UP", downAfterSigkill(), "UP");
		}

		@Test
		void aThingStartedAfterTheMonitorIsUpWhenItStarts() throws Exception {
			AtomicInteger waits = new AtomicInteger();
			this.watcher = watcher(EVENTS_ONLY);
			this.watcher.beforeEachWait(waits::incrementAndGet);
			this.watcher.start();
			// The loop waits for events once its first look is done: without the thing.
			await().atMost(WITHIN).until(() -> waits.get() > 0);
			assertThat(this.states).doesNotContain("UP");
			startAlive();
			await().atMost(WITHIN).untilAsserted(() -> assertThat(this.states).last().isEqualTo("UP"));
			assertThat(this.watcher.isWatched()).isTrue();
		}

		@Test
		void withoutKernelEventsPollingTellsTheDeathAndTheReturn() throws Exception {
			Process holder = startAlive();
			watch(POLLING_ONLY);
			awaitStates("UP");
			assertThat(this.watcher.isWatched()).isFalse();
			ChildProcesses.kill(holder);
			awaitStates("UP", downAfterSigkill());
			startAlive();
			awaitStates("UP", downAfterSigkill(), "UP");
		}

		@Test
		void whenTheLoopFailsPollingTellsTheDeathAndTheReturn() throws Exception {
			Process holder = startAlive();
			this.watcher = watcher(EVENTS_ONLY);
			this.watcher.beforeEachWait(() -> {
				if (!this.states.isEmpty()) {
					throw new IllegalStateException("the loop failed");
				}
			});
			this.watcher.start();
			awaitStates("UP");
			await().atMost(WITHIN).until(() -> !this.watcher.isWatched());
			ChildProcesses.kill(holder);
			awaitStates("UP", downAfterSigkill());
			startAlive();
			awaitStates("UP", downAfterSigkill(), "UP");
		}

		// Creates the FIFO the first time; later holders open the same one.
		Process holdFifo(String name) {
			Path fifo = this.dir.resolve(name);
			if (!Files.exists(fifo)) {
				Fifos.create(fifo);
			}
			return this.children.holdReadEnd(fifo);
		}

		PeerWatcher peerWatcher(PeerProbe probe, WatchSettings settings) {
			return new PeerWatcher(new Peers(Map.of("thing", probe)), List.of(), settings,
					(change) -> this.states.add(state(((PeerStatusChange) change).getResult())), (change) -> {
					}, this.posix);
		}

		static String state(ProbeResult result) {
			return result.alive() ? "UP" : "DOWN " + result.reason();
		}

		private Process startAlive() throws Exception {
			Process holder = startHolder();
			PeerProbe probe = probe();
			await().atMost(WITHIN).until(() -> probe.probe().alive());
			return holder;
		}

		private void watch(WatchSettings settings) {
			this.watcher = watcher(settings);
			this.watcher.start();
		}

		private void awaitStates(String... expected) {
			await().atMost(WITHIN).untilAsserted(() -> assertThat(this.states).containsExactly(expected));
		}

	}

}
