package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.autoconfigure.peer.PeerFolderMetrics;
import io.github.fifoliveness.autoconfigure.peer.PeerMetrics;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link PeerMetrics}, when
 * Micrometer is on the classpath.
 */
@AutoConfiguration(after = PeersAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(Peers.class)
public final class PeersMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PeerMetrics peerMetrics(Peers peers, ObjectProvider<PeerWatcher> watcher) {
		return new PeerMetrics(peers, watcher.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PeerWatcher.class)
	PeerFolderMetrics peerFolderMetrics(PeerWatcher watcher) {
		return new PeerFolderMetrics(watcher);
	}

}
