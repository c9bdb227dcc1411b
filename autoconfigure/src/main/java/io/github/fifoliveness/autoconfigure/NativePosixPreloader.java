package io.github.fifoliveness.autoconfigure;

import java.util.Map;

import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts loading the native POSIX layer on a background thread as soon as the environment
 * is known, when the beacon or a peer will need it. Loading it costs CPU on first use
 * (jnr-posix generates its bindings, the foreign function API links its downcall handle);
 * done here, that overlaps the rest of startup instead of adding to it on the main
 * thread.
 * <p>
 * A listener of its own rather than Spring Boot's {@code BackgroundPreinitializer}: that
 * one runs for every application and cannot see the environment, so it would load native
 * code into applications that have the beacon off and no peers.
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
