package io.github.fifoliveness.systemd;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.fifoliveness.posix.NotifySocketReceiver;
import io.github.fifoliveness.posix.NotifySocketReceiver.Datagram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watchdog pings a real notify socket every half of its timeout from a thread of its
 * own while the application is alive, not at all while it is not, and at once when it is
 * alive again.
 */
@EnabledOnOs(OS.LINUX)
class SystemdWatchdogTests {

	private static final Duration TIMEOUT = Duration.ofMillis(400);

	@Test
	void pingsEveryHalfTimeoutWhileAlive() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract();
				SystemdNotifier notifier = SystemdNotifierTests.notifier(receiver, Map.of())) {
			SystemdWatchdog watchdog = new SystemdWatchdog(notifier, TIMEOUT);
			watchdog.start();
			try {
				assertThat(Thread.getAllStackTraces().keySet())
					.anyMatch((thread) -> thread.getName().equals(SystemdWatchdog.THREAD_NAME) && thread.isDaemon());
				List<Datagram> pings = receiver.awaitLine("WATCHDOG=1", 6, Duration.ofSeconds(10));
				for (int i = 1; i < pings.size(); i++) {
					long gapMillis = (pings.get(i).receivedNanos() - pings.get(i - 1).receivedNanos()) / 1_000_000;
					// Half of 400 ms; loosely, for a busy machine.
					assertThat(gapMillis).as("gap between pings %d and %d", i - 1, i).isBetween(150L, 400L);
				}
			}
			finally {
				watchdog.stop();
			}
			assertThat(watchdog.isRunning()).isFalse();
			assertThat(Thread.getAllStackTraces().keySet())
				.noneMatch((thread) -> thread.getName().equals(SystemdWatchdog.THREAD_NAME));
		}
	}

	@Test
	void noPingWhileNotAliveAndOneAtOnceWhenAliveAgain() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract();
				SystemdNotifier notifier = SystemdNotifierTests.notifier(receiver, Map.of())) {
			SystemdWatchdog watchdog = new SystemdWatchdog(notifier, TIMEOUT);
			watchdog.start();
			try {
				receiver.awaitLine("WATCHDOG=1", 2, Duration.ofSeconds(10));
				watchdog.setAlive(false);
				int before = receiver.withLine("WATCHDOG=1").size();
				// Three periods without a ping: systemd would restart the service.
				await().during(Duration.ofMillis(3 * TIMEOUT.toMillis() / 2))
					.atMost(Duration.ofSeconds(5))
					.until(() -> receiver.withLine("WATCHDOG=1").size() == before);
				long aliveAgain = System.nanoTime();
				watchdog.setAlive(true);
				Datagram next = receiver.awaitLine("WATCHDOG=1", before + 1, Duration.ofSeconds(10)).get(before);
				assertThat((next.receivedNanos() - aliveAgain) / 1_000_000).as("ms to the first ping when alive")
					.isLessThan(150);
				receiver.awaitLine("WATCHDOG=1", before + 3, Duration.ofSeconds(10));
			}
			finally {
				watchdog.stop();
			}
		}
	}

	@Test
	void aWatchdogCreatedNotAliveStaysQuietUntilAlive() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract();
				SystemdNotifier notifier = SystemdNotifierTests.notifier(receiver, Map.of())) {
			SystemdWatchdog watchdog = new SystemdWatchdog(notifier, TIMEOUT);
			watchdog.setAlive(false);
			watchdog.start();
			try {
				await().during(Duration.ofMillis(TIMEOUT.toMillis()))
					.atMost(Duration.ofSeconds(5))
					.until(() -> receiver.datagrams().isEmpty());
				watchdog.setAlive(true);
				receiver.awaitLine("WATCHDOG=1", Duration.ofSeconds(10));
			}
			finally {
				watchdog.stop();
			}
		}
	}

}
