package io.github.fifoliveness.autoconfigure;

import java.util.Map;

import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts loading the native POSIX layer on a background thread as soon as the
 * environment is known, when the beacon or a peer will need it. jnr-posix spends a few
 * hundred milliseconds generating its bindings on first use; done here, that overlaps the
 * rest of startup instead of adding to it on the main thread.
 */
class NativePosixPreloader implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (environment.getProperty("fifo-liveness.beacon.enabled", Boolean.class, true) || hasPeers(environment)) {
			Thread thread = new Thread(NativePosix::preload, "fifo-liveness-preload");
			thread.setDaemon(true);
			thread.start();
		}
	}

	private static boolean hasPeers(ConfigurableEnvironment environment) {
		return Binder.get(environment)
			.bind("fifo-liveness.peers", Bindable.mapOf(String.class, Object.class))
			.map(Map::isEmpty)
			.map((empty) -> !empty)
			.orElse(false);
	}

}
