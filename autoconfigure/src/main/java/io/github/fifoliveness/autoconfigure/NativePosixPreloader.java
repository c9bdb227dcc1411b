package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts loading the native POSIX layer on a background thread once the application
 * context is initialized, when the application uses anything that needs it (see
 * {@link Features}). Loading it costs CPU on first use (jffi loads its native stub, the
 * foreign function API links its downcall handles); done here, that overlaps the rest of
 * startup instead of adding to it on the main thread.
 * <p>
 * Not earlier: the test support turns the beacons off in a context's initializers, and an
 * application that uses nothing must load nothing native. And a listener of its own
 * rather than Spring Boot's {@code BackgroundPreinitializer}, which runs for every
 * application and cannot see the environment.
 */
class NativePosixPreloader implements ApplicationListener<ApplicationContextInitializedEvent> {

	@Override
	public void onApplicationEvent(ApplicationContextInitializedEvent event) {
		if (Features.of(event.getApplicationContext().getEnvironment()).needNativeLayer()) {
			Thread thread = new Thread(NativePosix::preload, "fifo-liveness-preload");
			thread.setDaemon(true);
			thread.start();
		}
	}

}
