package io.github.fifoliveness.systemd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.NotifySocket;
import io.github.fifoliveness.posix.NotifySocketReceiver;
import io.github.fifoliveness.posix.NotifySocketReceiver.Datagram;
import io.github.fifoliveness.posix.PosixException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * A notifier created from environment variables tells a real notify socket what systemd
 * would hear: READY once, STATUS lines that change, STOPPING, start extensions only
 * before READY; and nothing at all, not even the native layer, without
 * {@code NOTIFY_SOCKET}.
 */
@EnabledOnOs(OS.LINUX)
class SystemdNotifierTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@TempDir
	Path dir;

	@Test
	void withoutNotifySocketThereIsNoNotifierAndNothingNativeIsLoaded() {
		Optional<SystemdNotifier> notifier = SystemdNotifier.fromEnvironment(Map.of("WATCHDOG_USEC", "1000000")::get,
				() -> fail("the native layer is not needed"));
		assertThat(notifier).isEmpty();
		assertThat(SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "")::get, () -> fail("not needed")))
			.isEmpty();
	}

	@Test
	void tellsAPathSocketReadyStatusAndStopping() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bind(this.dir.resolve("notify").toString());
				SystemdNotifier notifier = notifier(receiver, Map.of())) {
			notifier.status("Starting");
			notifier.ready("Ready");
			notifier.ready("Ready again");
			notifier.status("Ready");
			notifier.status("Refusing traffic");
			notifier.stopping("Stopping");
			notifier.status("Refusing traffic after stopping");
			notifier.stopping("Stopping again");
			receiver.awaitLine("STOPPING=1", WAIT);
			assertThat(receiver.datagrams()).extracting(Datagram::text)
				.containsExactly("STATUS=Starting", "READY=1\nSTATUS=Ready", "STATUS=Refusing traffic",
						"STOPPING=1\nSTATUS=Stopping");
		}
	}

	@Test
	void readyWaitsOutAFullQueueOfSystemdsWhereAStatusIsDropped() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract();
				SystemdNotifier notifier = notifier(receiver, Map.of())) {
			fillQueue(receiver);
			notifier.status("Starting");
			Thread ready = new Thread(() -> notifier.ready("Ready"));
			ready.start();
			await().atMost(WAIT).until(() -> ready.getState() == Thread.State.TIMED_WAITING || !ready.isAlive());
			receiver.paused(false);
			receiver.awaitLine("READY=1", WAIT);
			ready.join(WAIT.toMillis());
			assertThat(receiver.withLine("STATUS=Starting")).isEmpty();
		}
	}

	@Test
	void aReadyLostToAQueueThatStaysFullGoesWithTheNextNotificationThatGetsThrough() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract();
				SystemdNotifier notifier = notifier(receiver, Map.of())) {
			fillQueue(receiver);
			notifier.ready("Ready");
			receiver.paused(false);
			receiver.awaitLine("STATUS=filler 0", WAIT);
			notifier.status("Serving");
			assertThat(receiver.awaitLine("STATUS=Serving", WAIT).text()).isEqualTo("READY=1\nSTATUS=Serving");
			notifier.status("Still serving");
			assertThat(receiver.awaitLine("STATUS=Still serving", WAIT).text()).isEqualTo("STATUS=Still serving");
		}
	}

	// As a service manager too busy to read: what is queued stays, the rest is refused.
	private static void fillQueue(NotifySocketReceiver receiver) throws PosixException {
		receiver.paused(true);
		try (NotifySocket filler = NotifySocket.open(receiver.address(), NativePosix.get())) {
			for (int i = 0;; i++) {
				try {
					filler.send("STATUS=filler " + i);
				}
				catch (PosixException ex) {
					assertThat(ex.getErrorName()).isEqualTo("EAGAIN");
					return;
				}
			}
		}
	}

	@Test
	void tellsAnAbstractSocketAndKeepsEachStatusOnOneLine() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract();
				SystemdNotifier notifier = notifier(receiver, Map.of())) {
			notifier.ready("Ready\nREADY=0");
			assertThat(receiver.awaitLine("READY=1", WAIT).text()).isEqualTo("READY=1\nSTATUS=Ready READY=0");
		}
	}

	@Test
	void extendsTheStartTimeoutOnlyBeforeReady() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract();
				SystemdNotifier notifier = notifier(receiver, Map.of())) {
			notifier.extendStartTimeout(Duration.ofSeconds(30));
			notifier.ready("Ready");
			notifier.extendStartTimeout(Duration.ofSeconds(30));
			notifier.status("Done");
			receiver.awaitLine("STATUS=Done", WAIT);
			assertThat(receiver.datagrams()).extracting(Datagram::text)
				.containsExactly("EXTEND_TIMEOUT_USEC=30000000", "READY=1\nSTATUS=Ready", "STATUS=Done");
		}
	}

	@Test
	void aSocketThatRefusesNeverFailsTheCaller() {
		Map<String, String> environment = Map.of("NOTIFY_SOCKET", this.dir.resolve("missing").toString());
		try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(environment::get, NativePosix::get)
			.orElseThrow()) {
			notifier.ready("Ready");
			notifier.watchdog();
			notifier.stopping("Stopping");
			assertThat(notifier.isReady()).isTrue();
		}
	}

	@Test
	void anAddressThatIsNoSocketNeverFailsTheCaller() {
		try (SystemdNotifier notifier = SystemdNotifier
			.fromEnvironment(Map.of("NOTIFY_SOCKET", "vsock:2:1234")::get, NativePosix::get)
			.orElseThrow()) {
			notifier.ready("Ready");
			assertThat(notifier.isReady()).isTrue();
		}
	}

	@Test
	void watchdogTimeoutIsReadForThisProcessOnly() throws Exception {
		String pid = String.valueOf(ProcessHandle.current().pid());
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract()) {
			assertThat(timeout(receiver, Map.of())).isEmpty();
			assertThat(timeout(receiver, Map.of("WATCHDOG_USEC", "3000000"))).contains(Duration.ofSeconds(3));
			assertThat(timeout(receiver, Map.of("WATCHDOG_USEC", "3000000", "WATCHDOG_PID", pid)))
				.contains(Duration.ofSeconds(3));
			assertThat(timeout(receiver, Map.of("WATCHDOG_USEC", "3000000", "WATCHDOG_PID", "1"))).isEmpty();
			assertThat(timeout(receiver, Map.of("WATCHDOG_USEC", "0"))).isEmpty();
			assertThat(timeout(receiver, Map.of("WATCHDOG_USEC", "three seconds"))).isEmpty();
		}
	}

	private static Optional<Duration> timeout(NotifySocketReceiver receiver, Map<String, String> variables) {
		try (SystemdNotifier notifier = notifier(receiver, variables)) {
			return notifier.watchdogTimeout();
		}
	}

	static SystemdNotifier notifier(NotifySocketReceiver receiver, Map<String, String> variables) {
		Map<String, String> environment = new HashMap<>(variables);
		environment.put("NOTIFY_SOCKET", receiver.address());
		return SystemdNotifier.fromEnvironment(environment::get, NativePosix::get).orElseThrow();
	}

	@Test
	void aStartTimeoutExtensionIsPositive() {
		assertThat(SystemdNotifier.startTimeoutExtension(Duration.ofSeconds(60))).hasSeconds(60);
		assertThatIllegalArgumentException().isThrownBy(() -> SystemdNotifier.startTimeoutExtension(Duration.ZERO))
			.withMessageStartingWith("An extension of the start timeout must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SystemdNotifier.startTimeoutExtension(Duration.ofSeconds(-1)));
	}

}
