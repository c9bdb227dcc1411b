package io.github.fifoliveness.autoconfigure;

import java.util.function.BooleanSupplier;

import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops a core object with the application context: the core's PID file,
 * watcher and poller know nothing of Spring's lifecycle.
 */
final class StartStopLifecycle implements SmartLifecycle {

	private final Runnable start;

	private final Runnable stop;

	private final BooleanSupplier running;

	StartStopLifecycle(Runnable start, Runnable stop, BooleanSupplier running) {
		this.start = start;
		this.stop = stop;
		this.running = running;
	}

	@Override
	public void start() {
		this.start.run();
	}

	@Override
	public void stop() {
		this.stop.run();
	}

	@Override
	public boolean isRunning() {
		return this.running.getAsBoolean();
	}

}
