package io.github.fifoliveness.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import io.github.fifoliveness.beacon.DefaultBeaconPath;
import io.github.fifoliveness.beacon.FifoBeacon;
import io.github.fifoliveness.beacon.FifoBeaconWatcher;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.autoconfigure.beacon.ReadinessBeacon;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the application's own
 * {@link LivenessBeacon} and, where a path is set for it, its {@link ReadinessBeacon}.
 * The liveness beacon is on by default, but not on a platform without FIFOs unless
 * enabled explicitly, nor in a test's application context (see {@link Features}).
 */
@AutoConfiguration(after = NativePosixAutoConfiguration.class)
@ConditionalOnFeature({ Feature.LIVENESS_BEACON, Feature.READINESS_BEACON })
@EnableConfigurationProperties(FifoLivenessProperties.class)
public final class LivenessBeaconAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnFeature(Feature.LIVENESS_BEACON)
	LivenessBeacon livenessBeacon(FifoLivenessProperties properties, Environment environment, NativePosix posix) {
		BeaconProperties beacon = properties.getBeacon();
		Path path = (beacon.getPath() != null)
				? PathProperty.beacon("fifo-liveness.beacon.path", beacon.getPath(), beacon.isSingleInstance())
				: DefaultBeaconPath.forApplication(environment.getProperty("spring.application.name"), posix);
		return new LivenessBeacon(new FifoBeacon(path, beacon.isSingleInstance(), posix), watchInterval(beacon),
				beacon.isFollowLivenessState());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnFeature(Feature.READINESS_BEACON)
	ReadinessBeacon readinessBeacon(FifoLivenessProperties properties, ObjectProvider<LivenessBeacon> livenessBeacon,
			NativePosix posix) {
		BeaconProperties beacon = properties.getBeacon();
		Path path = PathProperty.beacon("fifo-liveness.beacon.readiness-path", beacon.getReadinessPath(), true);
		LivenessBeacon liveness = livenessBeacon.getIfUnique();
		if (liveness != null && clash(liveness.getPath(), path)) {
			throw new InvalidConfigurationPropertyValueException("fifo-liveness.beacon.readiness-path",
					beacon.getReadinessPath(),
					"The liveness beacon holds this FIFO (or one beacon's lock file, '<path>.lock', would be the"
							+ " other's FIFO): give the readiness beacon a path of its own, such as '"
							+ liveness.getPath().resolveSibling(readinessName(liveness.getPath())) + "'.");
		}
		return new ReadinessBeacon(new FifoBeacon("Readiness beacon", path, true, posix), watchInterval(beacon));
	}

	// One beacon's FIFO, or its lock file, at the other's path.
	private static boolean clash(Path liveness, Path readiness) {
		return liveness.equals(readiness) || liveness.equals(FifoBeacon.lockFile(readiness))
				|| readiness.equals(FifoBeacon.lockFile(liveness));
	}

	private static String readinessName(Path path) {
		String name = path.getFileName().toString();
		return (name.endsWith(".fifo") ? name.substring(0, name.length() - 5) : name) + "-ready.fifo";
	}

	private static Duration watchInterval(BeaconProperties beacon) {
		Duration interval = beacon.getWatchInterval();
		return PropertyRules.check("fifo-liveness.beacon.watch-interval", interval,
				() -> FifoBeaconWatcher.interval(interval));
	}

}
