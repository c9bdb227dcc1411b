package io.github.fifoliveness.autoconfigure;

import io.github.fifoliveness.autoconfigure.peer.PeerFolderEventPublisher;
import io.github.fifoliveness.autoconfigure.peer.PeerStatusEventPublisher;
import io.github.fifoliveness.peer.PeerFolderWatcher;
import io.github.fifoliveness.peer.PeerStatusPoller;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
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
		MonitorProperties monitor = properties.getMonitor();
		PeerStatusEventPublisher events = new PeerStatusEventPublisher(publisher);
		PeerWatcher watcher = new PeerWatcher(peers, monitor.getPollInterval(),
				monitor.getWatch().getSafetyNetInterval(), events, posix);
		events.setSource(watcher);
		return watcher;
	}

	@Bean
	@ConditionalOnMissingBean({ PeerStatusPoller.class, PeerWatcher.class })
	@ConditionalOnBooleanProperty(name = "fifo-liveness.monitor.watch.enabled", havingValue = false)
	PeerStatusPoller peerStatusPoller(Peers peers, FifoLivenessProperties properties,
			ApplicationEventPublisher publisher) {
		PeerStatusEventPublisher events = new PeerStatusEventPublisher(publisher);
		PeerStatusPoller poller = new PeerStatusPoller(peers, properties.getMonitor().getPollInterval(), events);
		events.setSource(poller);
		return poller;
	}

	@Bean
	@ConditionalOnMissingBean
	PeerFolderWatcher peerFolderWatcher(FifoLivenessProperties properties, Environment environment,
			ApplicationEventPublisher publisher, NativePosix posix) {
		MonitorProperties monitor = properties.getMonitor();
		PeerFolderEventPublisher events = new PeerFolderEventPublisher(publisher);
		PeerFolderWatcher watcher = new PeerFolderWatcher(PeerFolders.of(properties, environment, posix),
				monitor.getWatch().isEnabled(), monitor.getPollInterval(), monitor.getWatch().getSafetyNetInterval(),
				events, posix);
		events.setSource(watcher);
		return watcher;
	}

	// The watchers and the poller, the starter's or an application's own, run with
	// the context.
	@Bean
	SmartLifecycle peerWatcherLifecycle(ObjectProvider<PeerWatcher> watcher, ObjectProvider<PeerStatusPoller> poller,
			ObjectProvider<PeerFolderWatcher> folderWatcher) {
		return new StartStopLifecycle(() -> {
			watcher.ifAvailable(PeerWatcher::start);
			poller.ifAvailable(PeerStatusPoller::start);
			folderWatcher.ifAvailable(PeerFolderWatcher::start);
		}, () -> {
			watcher.ifAvailable(PeerWatcher::stop);
			poller.ifAvailable(PeerStatusPoller::stop);
			folderWatcher.ifAvailable(PeerFolderWatcher::stop);
		}, () -> watcher.stream().anyMatch(PeerWatcher::isRunning)
				|| poller.stream().anyMatch(PeerStatusPoller::isRunning)
				|| folderWatcher.stream().anyMatch(PeerFolderWatcher::isRunning));
	}

}
