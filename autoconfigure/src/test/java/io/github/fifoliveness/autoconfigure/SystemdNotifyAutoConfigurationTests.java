package io.github.fifoliveness.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.fifoliveness.autoconfigure.systemd.SystemdAvailabilityNotifier;
import io.github.fifoliveness.posix.NotifySocketReceiver;
import io.github.fifoliveness.posix.NotifySocketReceiver.Datagram;
import io.github.fifoliveness.systemd.SystemdNotifier;
import io.github.fifoliveness.systemd.SystemdWatchdog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where NOTIFY_SOCKET names a real socket, the application tells it READY when it first
 * accepts traffic, a STATUS line for each change, STOPPING when the context closes, and
 * sends watchdog pings while its LivenessState is CORRECT; without NOTIFY_SOCKET, or
 * turned off, nothing of it is in the context.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(OutputCaptureExtension.class)
class SystemdNotifyAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(NativePosixAutoConfiguration.class, SystemdNotifyAutoConfiguration.class))
		.withPropertyValues("fifo-liveness.beacon.enabled=false");

	@TempDir
	Path dir;

	@Test
	void withoutNotifySocketNothingIsInTheContext() {
		this.contextRunner.withPropertyValues("NOTIFY_SOCKET=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(SystemdNotifier.class)
				.doesNotHaveBean(SystemdAvailabilityNotifier.class)
				.doesNotHaveBean(SystemdNotifyAutoConfiguration.class);
		});
	}

	@Test
	void turnedOffNothingIsInTheContext() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract()) {
			this.contextRunner
				.withPropertyValues("NOTIFY_SOCKET=" + receiver.address(), "fifo-liveness.systemd.enabled=false")
				.run((context) -> assertThat(context).doesNotHaveBean(SystemdNotifier.class)
					.doesNotHaveBean(SystemdAvailabilityNotifier.class));
			assertThat(receiver.datagrams()).isEmpty();
		}
	}

	@Test
	void tellsAPathSocketReadyStatusAndStopping() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bind(this.dir.resolve("notify").toString())) {
			this.contextRunner.withPropertyValues("NOTIFY_SOCKET=" + receiver.address()).run((context) -> {
				assertThat(context.getBean(SystemdAvailabilityNotifier.class).hasWatchdog()).isFalse();
				receiver.awaitLine("STATUS=Starting", WAIT);
				assertThat(receiver.withLine("READY=1")).isEmpty();
				publish(context, LivenessState.CORRECT);
				publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				receiver.awaitLine("READY=1", WAIT);
				publish(context, ReadinessState.REFUSING_TRAFFIC);
				publish(context, LivenessState.BROKEN);
				publish(context, LivenessState.CORRECT);
				receiver.awaitLine("STATUS=Refusing traffic", 2, WAIT);
			});
			receiver.awaitLine("STOPPING=1", WAIT);
			assertThat(receiver.datagrams()).extracting(Datagram::text)
				.containsExactly("STATUS=Starting", "READY=1\nSTATUS=Ready", "STATUS=Refusing traffic",
						"STATUS=Broken (LivenessState BROKEN)", "STATUS=Refusing traffic",
						"STOPPING=1\nSTATUS=Stopping");
		}
	}

	@Test
	void watchdogPingsAnAbstractSocketWhileCorrectNoneWhileBrokenAndAgainWhenCorrect() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract()) {
			this.contextRunner
				.withPropertyValues("NOTIFY_SOCKET=" + receiver.address(), "WATCHDOG_USEC=400000",
						"WATCHDOG_PID=" + ProcessHandle.current().pid())
				.run((context) -> {
					assertThat(context.getBean(SystemdAvailabilityNotifier.class).hasWatchdog()).isTrue();
					assertThat(watchdogThreads()).hasSize(1);
					// Before CORRECT, as before Spring Boot publishes it: no pings.
					await().during(Duration.ofMillis(400))
						.atMost(WAIT)
						.until(() -> receiver.withLine("WATCHDOG=1").isEmpty());
					publish(context, LivenessState.CORRECT);
					publish(context, ReadinessState.ACCEPTING_TRAFFIC);
					List<Datagram> pings = receiver.awaitLine("WATCHDOG=1", 4, WAIT);
					long gapMillis = (pings.get(3).receivedNanos() - pings.get(1).receivedNanos()) / 2_000_000;
					assertThat(gapMillis).as("average gap between pings, for WATCHDOG_USEC=400000")
						.isBetween(150L, 400L);
					publish(context, LivenessState.BROKEN);
					receiver.awaitLine("STATUS=Broken (LivenessState BROKEN), no watchdog pings", WAIT);
					int whileBroken = receiver.withLine("WATCHDOG=1").size();
					await().during(Duration.ofMillis(600))
						.atMost(WAIT)
						.until(() -> receiver.withLine("WATCHDOG=1").size() == whileBroken);
					publish(context, LivenessState.CORRECT);
					receiver.awaitLine("WATCHDOG=1", whileBroken + 2, WAIT);
					receiver.awaitLine("STATUS=Ready", 2, WAIT);
				});
			receiver.awaitLine("STOPPING=1", WAIT);
			assertThat(watchdogThreads()).isEmpty();
		}
	}

	@Test
	void aWatchdogMeantForAnotherProcessIsNotPinged() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract()) {
			this.contextRunner
				.withPropertyValues("NOTIFY_SOCKET=" + receiver.address(), "WATCHDOG_USEC=400000", "WATCHDOG_PID=1")
				.run((context) -> {
					assertThat(context.getBean(SystemdAvailabilityNotifier.class).hasWatchdog()).isFalse();
					assertThat(watchdogThreads()).isEmpty();
				});
		}
	}

	@Test
	void aSocketThatRefusesIsOneWarningAndTheApplicationStarts(CapturedOutput output) {
		String missing = this.dir.resolve("missing").toString();
		this.contextRunner.withPropertyValues("NOTIFY_SOCKET=" + missing, "WATCHDOG_USEC=200000").run((context) -> {
			assertThat(context).hasNotFailed();
			publish(context, LivenessState.CORRECT);
			publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			await().atMost(WAIT).until(() -> output.toString().contains("further failures are logged at DEBUG"));
		});
		assertThat(output.toString().lines().filter((line) -> line.contains(" WARN "))).singleElement()
			.asString()
			.contains("systemd was not notified of 'STATUS=Starting' through NOTIFY_SOCKET '" + missing + "'")
			.contains("(ENOENT)");
	}

	@Test
	void builtAheadOfTimeUnderSystemdItRunsWhereNoNotifySocketIsSet(CapturedOutput output) {
		// Spring AOT keeps the beans its build found and calls their methods where the
		// application runs: here without NOTIFY_SOCKET.
		new ApplicationContextRunner()
			.withBean(SystemdNotifier.class,
					() -> SystemdNotifyAutoConfiguration.systemdNotifier(new MockEnvironment()))
			.withBean(SystemdAvailabilityNotifier.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				publish(context, LivenessState.CORRECT);
				publish(context, ReadinessState.ACCEPTING_TRAFFIC);
				assertThat(context.getBean(SystemdNotifier.class).watchdogTimeout()).isEmpty();
			});
		assertThat(output).doesNotContain(" WARN ").doesNotContain(" ERROR ");
	}

	@Test
	void extendsTheStartTimeoutWhileStartingOnly() throws Exception {
		try (NotifySocketReceiver receiver = NotifySocketReceiver.bindAbstract()) {
			this.contextRunner
				.withPropertyValues("NOTIFY_SOCKET=" + receiver.address(), "fifo-liveness.systemd.extend-timeout=90s")
				.run((context) -> {
					receiver.awaitLine("EXTEND_TIMEOUT_USEC=90000000", WAIT);
					publish(context, ReadinessState.ACCEPTING_TRAFFIC);
					receiver.awaitLine("READY=1", WAIT);
				});
			receiver.awaitLine("STOPPING=1", WAIT);
			List<String> texts = receiver.datagrams().stream().map(Datagram::text).toList();
			assertThat(texts.subList(texts.indexOf("READY=1\nSTATUS=Ready"), texts.size()))
				.noneMatch((text) -> text.startsWith("EXTEND_TIMEOUT_USEC="));
		}
	}

	@Test
	void aStartExtensionThatIsNotPositiveFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("NOTIFY_SOCKET=@unused", "fifo-liveness.systemd.extend-timeout=-5s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("fifo-liveness.systemd.extend-timeout")
				.hasMessageContaining("must be positive"));
	}

	private static void publish(ConfigurableApplicationContext context, Object state) {
		AvailabilityChangeEvent.publish(context, (org.springframework.boot.availability.AvailabilityState) state);
	}

	private static List<Thread> watchdogThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(SystemdWatchdog.THREAD_NAME))
			.toList();
	}

}
