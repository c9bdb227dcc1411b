package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.peer.PeerStatusPoller;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link Peers} configured
 * under {@code fifo-liveness.peers} and the {@link PeerStatusPoller} that watches them.
 */
@AutoConfiguration
@ConditionalOnPeers
@EnableConfigurationProperties(FifoLivenessProperties.class)
public final class PeersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Peers peers(FifoLivenessProperties properties, Environment environment) {
		return PeerProbes.of(properties, environment, NativePosix.get());
	}

	@Bean
	@ConditionalOnMissingBean
	PeerStatusPoller peerStatusPoller(Peers peers, FifoLivenessProperties properties,
			ApplicationEventPublisher publisher) {
		return new PeerStatusPoller(peers, properties.getMonitor().getPollInterval(), publisher);
	}

}
