package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.pidfile.ApplicationPidFile;

import org.springframework.context.SmartLifecycle;

/**
 * Writes the {@link ApplicationPidFile} when the context starts and removes it when it
 * stops: the core's PID file knows nothing of Spring's lifecycle.
 */
class ApplicationPidFileLifecycle implements SmartLifecycle {

	private final ApplicationPidFile pidFile;

	ApplicationPidFileLifecycle(ApplicationPidFile pidFile) {
		this.pidFile = pidFile;
	}

	@Override
	public void start() {
		this.pidFile.start();
	}

	@Override
	public void stop() {
		this.pidFile.stop();
	}

	@Override
	public boolean isRunning() {
		return this.pidFile.isRunning();
	}

}
