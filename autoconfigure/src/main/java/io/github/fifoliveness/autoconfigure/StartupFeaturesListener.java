package io.github.fifoliveness.autoconfigure;

import java.util.Set;

import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads the {@link Features features} once when the application context is initialized,
 * and acts on them before anything else: starts loading the native layer in the
 * background ({@link NativePosixPreloader}) and warns on a platform without FIFOs
 * ({@link PlatformWithoutFifosWarning}). Where no feature is used, no auto-configuration
 * binds the properties, so it has {@link UnknownSettings} refuse a misspelt one set all
 * the same, as a feature's auto-configuration would.
 * <p>
 * Not earlier: the test support turns the beacons off in a context's initializers. And a
 * listener rather than the filter of unused auto-configurations, which an application run
 * from ahead-of-time generated code never calls.
 */
class StartupFeaturesListener implements ApplicationListener<ApplicationContextInitializedEvent> {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("fifo-liveness");

	// As for Boot's check of unbound properties: the JVM's and the machine's are not the
	// application's settings.
	private static final Set<String> SYSTEM_SOURCES = Set.of(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
			StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);

	@Override
	public void onApplicationEvent(ApplicationContextInitializedEvent event) {
		ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
		Features features = Features.of(environment);
		NativePosixPreloader.startIfNeeded(features,
				() -> ExcludedAutoConfigurations.of(event.getSpringApplication(), environment));
		PlatformWithoutFifosWarning.logIfBeaconOff(features);
		if (!features.needNativeLayer() && setsMoreThanSwitches(environment, features.beaconTurnedOff())) {
			UnknownSettings.refuse(environment);
		}
	}

	// Anything under fifo-liveness but the switches, the settings of a beacon turned off
	// with its switch, and the test support's opt-ins: a misspelt or mis-indented peer,
	// say.
	private static boolean setsMoreThanSwitches(ConfigurableEnvironment environment, boolean beaconTurnedOff) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource names
					&& !(source.getUnderlyingSource() instanceof PropertySource<?> underlying
							&& SYSTEM_SOURCES.contains(underlying.getName()))) {
				for (ConfigurationPropertyName name : names) {
					if (PREFIX.isAncestorOf(name) && !isSwitch(name, beaconTurnedOff)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean isSwitch(ConfigurationPropertyName name, boolean beaconTurnedOff) {
		String group = name.getElement(1, Form.UNIFORM);
		boolean enabled = name.getNumberOfElements() == 3 && name.getElement(2, Form.UNIFORM).equals("enabled");
		return group.equals("test") || (group.equals("beacon") && (beaconTurnedOff || enabled))
				|| (group.equals("systemd") && enabled);
	}

}
