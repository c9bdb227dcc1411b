package io.github.fifoliveness.autoconfigure.systemd;

import io.github.fifoliveness.systemd.SystemdNotifier;
import io.github.fifoliveness.systemd.SystemdWatchdog;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Maps Spring Boot's availability states onto systemd's notifications: {@code READY=1}
 * when the application first accepts traffic, a {@code STATUS=} line for each change
 * (starting, ready, refusing traffic, broken), {@code STOPPING=1} as soon as the context
 * stops, and, where systemd asks for it, watchdog pings while the {@link LivenessState}
 * is {@code CORRECT} and none while it is {@code BROKEN}, so systemd restarts an
 * application that declares itself broken as it would a hung one.
 * <p>
 * Stops in the first lifecycle phase, so systemd hears STOPPING before the web server
 * drains its requests.
 */
public class SystemdAvailabilityNotifier implements SmartLifecycle, ApplicationListener<AvailabilityChangeEvent<?>> {

	private final SystemdNotifier notifier;

	private final @Nullable SystemdWatchdog watchdog;

	private @Nullable LivenessState liveness;

	private @Nullable ReadinessState readiness;

	private volatile boolean running;

	/**
	 * Create a notifier of the application's availability; tells systemd it is starting.
	 * @param notifier where to send the notifications
	 */
	public SystemdAvailabilityNotifier(SystemdNotifier notifier) {
		this.notifier = notifier;
		this.watchdog = notifier.watchdogTimeout()
			.map((timeout) -> new SystemdWatchdog(notifier, timeout))
			.orElse(null);
		if (this.watchdog != null) {
			// Pings start with LivenessState.CORRECT, which Spring Boot publishes once
			// started.
			this.watchdog.setAlive(false);
		}
		notifier.status(status());
	}

	@Override
	public synchronized void onApplicationEvent(AvailabilityChangeEvent<?> event) {
		AvailabilityState state = event.getState();
		if (state instanceof LivenessState liveness) {
			this.liveness = liveness;
			if (this.watchdog != null) {
				this.watchdog.setAlive(liveness == LivenessState.CORRECT);
			}
		}
		else if (state instanceof ReadinessState readiness) {
			this.readiness = readiness;
			if (readiness == ReadinessState.ACCEPTING_TRAFFIC) {
				this.notifier.ready(status());
			}
		}
		this.notifier.status(status());
	}

	private String status() {
		if (this.liveness == LivenessState.BROKEN) {
			return (this.watchdog != null) ? "Broken (LivenessState BROKEN), no watchdog pings"
					: "Broken (LivenessState BROKEN)";
		}
		if (this.readiness == null) {
			return "Starting";
		}
		return (this.readiness == ReadinessState.ACCEPTING_TRAFFIC) ? "Ready" : "Refusing traffic";
	}

	/**
	 * Return whether watchdog pings are sent while the application is alive.
	 * @return whether systemd asked for them
	 */
	public boolean hasWatchdog() {
		return this.watchdog != null;
	}

	@Override
	public void start() {
		if (this.watchdog != null) {
			this.watchdog.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.notifier.stopping("Stopping");
		if (this.watchdog != null) {
			this.watchdog.stop();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
