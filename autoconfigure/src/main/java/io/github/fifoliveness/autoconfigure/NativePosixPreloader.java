package io.github.fifoliveness.autoconfigure;

import java.util.Set;
import java.util.function.Supplier;

import io.github.fifoliveness.posix.NativePosix;

/**
 * Starts loading the native POSIX layer on a background thread when the application uses
 * anything that needs it (see {@link Features}). Loading it costs CPU on first use (jffi
 * loads its native stub, the foreign function API links its downcall handles); done
 * early, that overlaps the rest of startup instead of adding to it on the main thread.
 * <p>
 * Started by {@link StartupFeaturesListener}, rather than by Spring Boot's
 * {@code BackgroundPreinitializer}, which runs for every application and cannot see the
 * environment. An application that uses nothing loads nothing native.
 */
final class NativePosixPreloader {

	private NativePosixPreloader() {
	}

	// An application that excludes the auto-configurations of every feature it uses, and
	// the native layer's, may still use it through beans of its own: they load it when
	// they ask. Where the native layer's bean stays, it loads at its creation: preloaded.
	static void startIfNeeded(Features features, Supplier<Set<String>> excludedAutoConfigurations) {
		if (!features.needNativeLayer()) {
			return;
		}
		Set<String> excluded = excludedAutoConfigurations.get();
		if (!excluded.contains(NativePosixAutoConfiguration.class.getName())
				|| features.used().stream().anyMatch((feature) -> !excluded.contains(feature.autoConfiguration()))) {
			Thread thread = new Thread(NativePosix::preload, "fifo-liveness-preload");
			thread.setDaemon(true);
			thread.start();
		}
	}

}
