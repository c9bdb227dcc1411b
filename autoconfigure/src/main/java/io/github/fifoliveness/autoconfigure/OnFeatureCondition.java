package io.github.fifoliveness.autoconfigure;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Condition behind {@link ConditionalOnFeature}.
 */
class OnFeatureCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		MergedAnnotation<ConditionalOnFeature> annotation = metadata.getAnnotations().get(ConditionalOnFeature.class);
		Set<Feature> wanted = EnumSet.copyOf(List.of(annotation.getEnumArray("value", Feature.class)));
		return outcome(Features.of(context.getEnvironment()), wanted);
	}

	static ConditionOutcome outcome(Features features, Set<Feature> wanted) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnFeature.class, wanted);
		Set<Feature> used = features.used();
		used.retainAll(wanted);
		if (used.isEmpty()) {
			if (features.beaconOffForPlatform() && wanted.contains(Feature.LIVENESS_BEACON)) {
				return ConditionOutcome.noMatch(message
					.because(features.osName() + " has no FIFOs and" + " 'fifo-liveness.beacon.enabled' is not set"));
			}
			return ConditionOutcome.noMatch(message.because("none is used"));
		}
		return ConditionOutcome.match(message.found("used feature", "used features").items(used));
	}

}
