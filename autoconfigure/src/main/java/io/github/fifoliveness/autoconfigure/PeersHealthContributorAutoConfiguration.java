package io.github.fifoliveness.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.fifoliveness.autoconfigure.peer.PeerFolderHealthIndicator;
import io.github.fifoliveness.autoconfigure.peer.PeerHealthIndicator;
import io.github.fifoliveness.peer.PeerWatcher;
import io.github.fifoliveness.peer.Peers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code peers} health
 * contributor: one {@link PeerHealthIndicator} per configured peer.
 */
@AutoConfiguration(after = PeersAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(Health.class)
@ConditionalOnBean(Peers.class)
@ConditionalOnEnabledHealthIndicator("peers")
public final class PeersHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "peersHealthContributor")
	CompositeHealthContributor peersHealthContributor(Peers peers, ObjectProvider<PeerWatcher> watcher) {
		PeerWatcher peerWatcher = watcher.getIfAvailable();
		// Downs are counted only by what follows the peers in the background.
		boolean counted = peerWatcher != null;
		boolean watched = counted && peerWatcher.settings().watch();
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		peers.probes()
			.forEach((name, probe) -> indicators.put(name,
					new PeerHealthIndicator(probe, watched ? () -> peerWatcher.isWatched(name) : null,
							counted ? peers.downs(name) : null, () -> peers.startupGraceLeft(name),
							watched ? (result) -> peerWatcher.probed(name, result) : null)));
		watcher.ifAvailable((folders) -> folders.folders()
			.forEach((folder) -> indicators.put(folder.name(), new PeerFolderHealthIndicator(folders, folder.name()))));
		return CompositeHealthContributor.fromMap(indicators);
	}

}
