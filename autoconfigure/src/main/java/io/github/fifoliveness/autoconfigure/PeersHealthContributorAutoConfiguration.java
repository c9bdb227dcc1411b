package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.health.PeerHealthIndicator;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code peers} health
 * contributor: one {@link PeerHealthIndicator} per entry of {@code fifo-liveness.peers}.
 */
@AutoConfiguration(before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(Health.class)
@ConditionalOnEnabledHealthIndicator("peers")
@ConditionalOnPeers
@EnableConfigurationProperties(FifoLivenessProperties.class)
public final class PeersHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "peersHealthContributor")
	CompositeHealthContributor peersHealthContributor(FifoLivenessProperties properties) {
		return CompositeHealthContributor.fromMap(PeerProbes.of(properties, NativePosix.get()), PeerHealthIndicator::new);
	}

}
