package io.github.fifoliveness.autoconfigure;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.github.fifoliveness.posix.FifoSupport;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyCaching;
import org.springframework.boot.context.properties.source.ConfigurationPropertyCaching.CacheOverride;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The {@link Feature features} an application uses, read from its environment alone,
 * before anything native is loaded: the one place that decides whether the native layer
 * is needed. The filter that removes unused auto-configurations, the conditions of the
 * others and the start-up listener ask it.
 * <p>
 * The liveness beacon is on by default, except on a platform without FIFOs (Windows),
 * where only an explicit {@code fifo-liveness.beacon.enabled=true} turns it on. In an
 * application context of Spring's test support, the beacons and the PID file are off
 * unless the test opts in (see {@link AutoConfigureFifoLiveness}). systemd's
 * notifications are used where {@code NOTIFY_SOCKET} is set, outside tests, unless
 * {@code fifo-liveness.systemd.enabled=false}. Its properties are bound as the
 * configuration properties are, so that a value means the same to both.
 */
final class Features {

	private static final String BEACON_ENABLED = "fifo-liveness.beacon.enabled";

	/**
	 * The property source that marks an application context started by Spring's test
	 * support; it holds what {@link AutoConfigureFifoLiveness} asks for.
	 */
	static final String TEST_CONTEXT_PROPERTY_SOURCE = "fifoLivenessTestContext";

	static final String TEST_BEACON = "fifo-liveness.test.beacon";

	static final String TEST_PID_FILE = "fifo-liveness.test.pid-file";

	private static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";

	private static final Bindable<Map<String, Object>> PEERS = Bindable.mapOf(String.class, Object.class);

	private final Set<Feature> used;

	private final boolean beaconOffForPlatform;

	private final String osName;

	private final boolean beaconTurnedOff;

	private Features(Set<Feature> used, boolean beaconOffForPlatform, String osName, boolean beaconTurnedOff) {
		this.used = used;
		this.beaconOffForPlatform = beaconOffForPlatform;
		this.osName = osName;
		this.beaconTurnedOff = beaconTurnedOff;
	}

	/**
	 * Read the features an application uses from its environment. The platform is the
	 * environment's {@code os.name}, the system property unless something overrides it.
	 * @param environment the application's environment
	 * @return the features
	 */
	static Features of(Environment environment) {
		// Boot caches the property names of each source only while binding; without the
		// override, every lookup below would map them all again.
		try (CacheOverride cache = ConfigurationPropertyCaching.get(environment).override()) {
			return read(environment);
		}
	}

	private static Features read(Environment environment) {
		String osName = environment.getProperty("os.name", "");
		boolean test = isTestContext(environment);
		Binder binder = Binder.get(environment);
		Boolean beaconEnabled = binder.bind(BEACON_ENABLED, Boolean.class).orElse(null);
		boolean beaconOn = (!test || binder.bind(TEST_BEACON, Boolean.class).orElse(false))
				&& ((beaconEnabled != null) ? beaconEnabled : true);
		boolean pidFileOn = !test || binder.bind(TEST_PID_FILE, Boolean.class).orElse(false);
		boolean fifos = FifoSupport.isSupported(osName);
		Set<Feature> used = EnumSet.noneOf(Feature.class);
		if (beaconOn && (fifos || beaconEnabled != null)) {
			used.add(Feature.LIVENESS_BEACON);
		}
		if (beaconOn && hasText(binder, "fifo-liveness.beacon.readiness-path")) {
			used.add(Feature.READINESS_BEACON);
		}
		if (pidFileOn
				&& (hasText(binder, "fifo-liveness.pid-file") || hasText(binder, "fifo-liveness.beacon.pid-file"))) {
			used.add(Feature.PID_FILE);
		}
		// A test JVM can inherit the variable from a build run by systemd: tests notify
		// nobody. The variable is not a property name, so it is read as it is.
		if (!test && StringUtils.hasText(environment.getProperty(NOTIFY_SOCKET))
				&& binder.bind("fifo-liveness.systemd.enabled", Boolean.class).orElse(true)) {
			used.add(Feature.SYSTEMD_NOTIFY);
		}
		if (!binder.bind("fifo-liveness.peers", PEERS).orElse(Map.of()).isEmpty()
				|| !binder.bind("fifo-liveness.peer-folders", PEERS).orElse(Map.of()).isEmpty()) {
			used.add(Feature.PEERS);
		}
		return new Features(used, beaconOn && !fifos && beaconEnabled == null, osName,
				Boolean.FALSE.equals(beaconEnabled));
	}

	private static boolean hasText(Binder binder, String property) {
		return StringUtils.hasText(binder.bind(property, String.class).orElse(null));
	}

	private static boolean isTestContext(Environment environment) {
		return (environment instanceof ConfigurableEnvironment configurable)
				&& configurable.getPropertySources().contains(TEST_CONTEXT_PROPERTY_SOURCE);
	}

	/**
	 * Return whether the application uses a feature.
	 * @param feature the feature
	 * @return whether it is used
	 */
	boolean uses(Feature feature) {
		return this.used.contains(feature);
	}

	/**
	 * Return whether the application uses any feature, and so needs the native layer.
	 * @return whether the native layer is needed
	 */
	boolean needNativeLayer() {
		return !this.used.isEmpty();
	}

	/**
	 * Return whether the liveness beacon, on by default, is off because this platform has
	 * no FIFOs.
	 * @return whether the beacon is off for the platform
	 */
	boolean beaconOffForPlatform() {
		return this.beaconOffForPlatform;
	}

	/**
	 * Return whether {@code fifo-liveness.beacon.enabled=false} turns the beacons off.
	 * @return whether the beacon's own switch is off
	 */
	boolean beaconTurnedOff() {
		return this.beaconTurnedOff;
	}

	/**
	 * Return the name of the platform.
	 * @return the {@code os.name}
	 */
	String osName() {
		return this.osName;
	}

	Set<Feature> used() {
		return EnumSet.copyOf(this.used);
	}

}
