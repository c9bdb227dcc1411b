package io.github.fifoliveness.autoconfigure;

import java.nio.file.Path;

import io.github.fifoliveness.beacon.ApplicationPidFile;
import io.github.fifoliveness.beacon.DefaultBeaconPath;
import io.github.fifoliveness.beacon.LivenessBeacon;
import io.github.fifoliveness.beacon.LivenessStateFollower;
import io.github.fifoliveness.beacon.ReadinessBeacon;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the application's own
 * {@link LivenessBeacon}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "fifo-liveness.beacon.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FifoLivenessProperties.class)
public final class LivenessBeaconAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LivenessBeacon livenessBeacon(FifoLivenessProperties properties, Environment environment) {
		FifoLivenessProperties.Beacon beacon = properties.getBeacon();
		Path path = (beacon.getPath() != null)
				? PathProperty.beacon("fifo-liveness.beacon.path", beacon.getPath(), beacon.isSingleInstance())
				: DefaultBeaconPath.forApplication(environment.getProperty("spring.application.name"));
		return new LivenessBeacon(path, beacon.isSingleInstance(), beacon.getWatchInterval(), NativePosix.get());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("fifo-liveness.beacon.pid-file")
	ApplicationPidFile applicationPidFile(FifoLivenessProperties properties) {
		return new ApplicationPidFile(
				PathProperty.absolute("fifo-liveness.beacon.pid-file", properties.getBeacon().getPidFile()),
				NativePosix.get());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("fifo-liveness.beacon.readiness-path")
	ReadinessBeacon readinessBeacon(FifoLivenessProperties properties) {
		FifoLivenessProperties.Beacon beacon = properties.getBeacon();
		return new ReadinessBeacon(PathProperty.beacon("fifo-liveness.beacon.readiness-path", beacon.getReadinessPath(), true),
				beacon.getWatchInterval(), NativePosix.get());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "fifo-liveness.beacon.follow-liveness-state", matchIfMissing = true)
	LivenessStateFollower livenessStateFollower(LivenessBeacon livenessBeacon) {
		return new LivenessStateFollower(livenessBeacon);
	}

}
