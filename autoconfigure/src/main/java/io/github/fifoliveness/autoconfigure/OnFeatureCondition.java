package io.github.fifoliveness.autoconfigure;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.fifoliveness.peer.Peers;
import io.github.fifoliveness.posix.FifoSupport;
import io.github.fifoliveness.posix.NativePosix;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Condition behind {@link ConditionalOnFeature}. Evaluated once the application's own
 * beans are registered: a {@link Peers} bean of its own uses the peers as configured ones
 * do, where FIFOs work.
 */
class OnFeatureCondition extends SpringBootCondition implements ConfigurationCondition {

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		MergedAnnotation<ConditionalOnFeature> annotation = metadata.getAnnotations().get(ConditionalOnFeature.class);
		Set<Feature> wanted = EnumSet.copyOf(List.of(annotation.getEnumArray("value", Feature.class)));
		Features features = Features.of(context.getEnvironment());
		ConditionOutcome outcome = outcome(features, wanted);
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (outcome.isMatch() || !wanted.contains(Feature.PEERS) || beanFactory == null
				|| !FifoSupport.isSupported(features.osName())) {
			return outcome;
		}
		String[] ownPeers = beanFactory.getBeanNamesForType(Peers.class, true, false);
		// The watcher also needs the native layer, decided before it: both or neither.
		if (ownPeers.length == 0 || (wanted.size() == 1
				&& beanFactory.getBeanNamesForType(NativePosix.class, true, false).length == 0)) {
			return outcome;
		}
		return ConditionOutcome.match(ConditionMessage.forCondition(ConditionalOnFeature.class, wanted)
			.found("the application's own Peers bean")
			.items(List.of(ownPeers)));
	}

	static ConditionOutcome outcome(Features features, Set<Feature> wanted) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnFeature.class, wanted);
		Set<Feature> used = features.used();
		used.retainAll(wanted);
		if (used.isEmpty()) {
			if (features.beaconOffForPlatform() && wanted.contains(Feature.LIVENESS_BEACON)) {
				return ConditionOutcome.noMatch(message
					.because(features.osName() + " has no FIFOs and 'fifo-liveness.beacon.enabled' is not set"));
			}
			return ConditionOutcome.noMatch(message.because("none is used"));
		}
		return ConditionOutcome.match(message.found("used feature", "used features").items(used));
	}

}
