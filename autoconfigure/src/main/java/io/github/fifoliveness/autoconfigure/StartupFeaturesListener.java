package io.github.fifoliveness.autoconfigure;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads the {@link Features features} once when the application context is initialized,
 * and acts on them before anything else: starts loading the native layer in the
 * background ({@link NativePosixPreloader}), warns on a platform without FIFOs
 * ({@link PlatformWithoutFifosWarning}), and, where properties are set but no feature is
 * used, binds them as the feature's auto-configuration would, so that a misspelt one
 * fails here too, and in tests, where the beacon is off, as it does in production. First
 * it refuses the environment variables of peers that Spring Boot would not read.
 * <p>
 * Not earlier: the test support turns the beacons off in a context's initializers. And a
 * listener rather than the filter of unused auto-configurations, which an application run
 * from ahead-of-time generated code never calls.
 */
class StartupFeaturesListener implements ApplicationListener<ApplicationContextInitializedEvent> {

	private static final Map<String, String> UNMAPPED_PEER_VARIABLES = Map.of("FIFO_LIVENESS_PEERS_",
			"FIFOLIVENESS_PEERS_", "FIFO_LIVENESS_PEER_FOLDERS_", "FIFOLIVENESS_PEERFOLDERS_");

	@Override
	public void onApplicationEvent(ApplicationContextInitializedEvent event) {
		ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
		refuseUnmappedPeerVariables(environment);
		Features features = Features.of(environment);
		NativePosixPreloader.startIfNeeded(features);
		PlatformWithoutFifosWarning.logIfBeaconOff(features);
		if (features.settingsWithoutFeature()) {
			refuseUnknown(environment);
		}
	}

	// As @ConfigurationProperties(ignoreUnknownFields = false) binds.
	private static void refuseUnknown(Environment environment) {
		Binder.get(environment)
			.bind("fifo-liveness", Bindable.of(FifoLivenessProperties.class), new NoUnboundElementsBindHandler(
					new IgnoreTopLevelConverterNotFoundBindHandler(), new UnboundElementsSourceFilter()));
	}

	// Spring Boot finds map entries only under FIFOLIVENESS_: FIFO_LIVENESS_PEERS_X_PATH
	// would set nothing, without a word, where FIFO_LIVENESS_BEACON_PATH works.
	private static void refuseUnmappedPeerVariables(ConfigurableEnvironment environment) {
		if (!(environment.getPropertySources()
			.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME) instanceof EnumerablePropertySource<?> variables)) {
			return;
		}
		for (String name : variables.getPropertyNames()) {
			UNMAPPED_PEER_VARIABLES.forEach((unmapped, mapped) -> {
				if (name.startsWith(unmapped)) {
					throw new InvalidPeerNameException("Environment variable '" + name
							+ "' sets nothing: Spring Boot reads peers and peer folders from the environment only"
							+ " as FIFOLIVENESS_PEERS_<NAME>_<PROPERTY> and FIFOLIVENESS_PEERFOLDERS_<NAME>_<PROPERTY>.",
							"Rename it '" + mapped + name.substring(unmapped.length()) + "'. For a name with a dash,"
									+ " use SPRING_APPLICATION_JSON, such as SPRING_APPLICATION_JSON="
									+ "'{\"fifo-liveness.peers.orders-eu.path\":\"/run/orders-eu/orders-eu.fifo\"}'.");
				}
			});
		}
	}

}
