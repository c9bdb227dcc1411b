package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.peer.PeerStatusPoller;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link Peers} configured
 * under {@code fifo-liveness.peers} and what follows them in the background: the
 * {@link PeerWatcher}, or with watching off, the {@link PeerStatusPoller}.
 */
@AutoConfiguration(after = NativePosixAutoConfiguration.class)
@ConditionalOnFeature(Feature.PEERS)
@EnableConfigurationProperties(FifoLivenessProperties.class)
public final class PeersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Peers peers(FifoLivenessProperties properties, Environment environment, NativePosix posix) {
		return PeerProbes.of(properties, environment, posix);
	}

	@Bean
	@ConditionalOnMissingBean({ PeerWatcher.class, PeerStatusPoller.class })
	@ConditionalOnBooleanProperty(name = "fifo-liveness.monitor.watch.enabled", matchIfMissing = true)
	PeerWatcher peerWatcher(Peers peers, FifoLivenessProperties properties, ApplicationEventPublisher publisher,
			NativePosix posix) {
		FifoLivenessProperties.Monitor monitor = properties.getMonitor();
		return new PeerWatcher(peers, monitor.getPollInterval(), monitor.getWatch().getSafetyNetInterval(), publisher,
				posix);
	}

	@Bean
	@ConditionalOnMissingBean({ PeerStatusPoller.class, PeerWatcher.class })
	@ConditionalOnBooleanProperty(name = "fifo-liveness.monitor.watch.enabled", havingValue = false)
	PeerStatusPoller peerStatusPoller(Peers peers, FifoLivenessProperties properties,
			ApplicationEventPublisher publisher) {
		return new PeerStatusPoller(peers, properties.getMonitor().getPollInterval(), publisher);
	}

}
