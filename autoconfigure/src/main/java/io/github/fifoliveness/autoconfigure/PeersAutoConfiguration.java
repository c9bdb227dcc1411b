package io.github.fifoliveness.autoconfigure;

import java.time.Duration;

import io.github.fifoliveness.autoconfigure.peer.PeerFolderEventPublisher;
import io.github.fifoliveness.autoconfigure.peer.PeerStatusEventPublisher;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.peer.WatchSettings;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link Peers} configured
 * under {@code fifo-liveness.peers} and the {@link PeerWatcher} that follows them and the
 * peer folders in the background, watching or, with watching off, polling.
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
	@ConditionalOnMissingBean
	PeerWatcher peerWatcher(Peers peers, FifoLivenessProperties properties, Environment environment,
			ApplicationEventPublisher publisher, NativePosix posix) {
		MonitorProperties monitor = properties.getMonitor();
		PeerStatusEventPublisher events = new PeerStatusEventPublisher(publisher);
		PeerFolderEventPublisher folderEvents = new PeerFolderEventPublisher(publisher);
		Duration pollInterval = monitor.getPollInterval();
		Duration safetyNetInterval = monitor.getWatch().getSafetyNetInterval();
		WatchSettings settings = new WatchSettings(monitor.getWatch().isEnabled(),
				PropertyRules.check("fifo-liveness.monitor.poll-interval", pollInterval,
						() -> WatchSettings.pollInterval(pollInterval)),
				PropertyRules.check("fifo-liveness.monitor.watch.safety-net-interval", safetyNetInterval,
						() -> WatchSettings.safetyNetInterval(safetyNetInterval)));
		PeerWatcher watcher = new PeerWatcher(peers, PeerFolders.of(properties, environment, posix), settings, events,
				folderEvents, posix);
		events.setSource(watcher);
		folderEvents.setSource(watcher);
		return watcher;
	}

	// The watcher, the starter's or an application's own, runs with the context.
	@Bean
	SmartLifecycle peerWatcherLifecycle(ObjectProvider<PeerWatcher> watcher) {
		return new StartStopLifecycle(() -> watcher.ifAvailable(PeerWatcher::start),
				() -> watcher.ifAvailable(PeerWatcher::stop), () -> watcher.stream().anyMatch(PeerWatcher::isRunning));
	}

}
