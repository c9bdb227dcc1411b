package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.beacon.LivenessBeacon;
import io.github.fifoliveness.health.BeaconHealthIndicator;

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
 * {@link EnableAutoConfiguration Auto-configuration} for {@link BeaconHealthIndicator}.
 */
@AutoConfiguration(after = LivenessBeaconAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(Health.class)
@ConditionalOnBean(LivenessBeacon.class)
@ConditionalOnEnabledHealthIndicator("beacon")
public final class BeaconHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "beaconHealthIndicator")
	BeaconHealthIndicator beaconHealthIndicator(LivenessBeacon beacon) {
		return new BeaconHealthIndicator(beacon);
	}

}
