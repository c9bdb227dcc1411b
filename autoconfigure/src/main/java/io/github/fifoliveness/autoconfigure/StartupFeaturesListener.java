package io.github.fifoliveness.autoconfigure;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Reads the {@link Features features} once when the application context is initialized,
 * and acts on them before anything else: starts loading the native layer in the
 * background ({@link NativePosixPreloader}) and warns on a platform without FIFOs
 * ({@link PlatformWithoutFifosWarning}).
 * <p>
 * Not earlier: the test support turns the beacons off in a context's initializers. And a
 * listener rather than the filter of unused auto-configurations, which an application run
 * from ahead-of-time generated code never calls.
 */
class StartupFeaturesListener implements ApplicationListener<ApplicationContextInitializedEvent> {

	@Override
	public void onApplicationEvent(ApplicationContextInitializedEvent event) {
		Features features = Features.of(event.getApplicationContext().getEnvironment());
		NativePosixPreloader.startIfNeeded(features);
		PlatformWithoutFifosWarning.logIfBeaconOff(features);
	}

}
