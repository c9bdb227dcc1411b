package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.autoconfigure.beacon.BeaconHealthIndicator;
import io.github.fifoliveness.autoconfigure.beacon.LivenessBeacon;
import io.github.fifoliveness.autoconfigure.beacon.ReadinessBeacon;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link BeaconHealthIndicator
 * health components} of the application's own beacons: {@code beacon} for its
 * {@link LivenessBeacon}, {@code readinessBeacon} for its {@link ReadinessBeacon}.
 */
@AutoConfiguration(after = LivenessBeaconAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(Health.class)
@ConditionalOnBean(LivenessBeacon.class)
@ConditionalOnEnabledHealthIndicator("beacon")
public final class BeaconHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "beaconHealthIndicator")
	BeaconHealthIndicator beaconHealthIndicator(LivenessBeacon livenessBeacon) {
		return new BeaconHealthIndicator(livenessBeacon);
	}

	@Bean
	@ConditionalOnBean(ReadinessBeacon.class)
	@ConditionalOnMissingBean(name = "readinessBeaconHealthIndicator")
	BeaconHealthIndicator readinessBeaconHealthIndicator(ReadinessBeacon readinessBeacon) {
		return new BeaconHealthIndicator(readinessBeacon);
	}

}
