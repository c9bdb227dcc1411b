package io.github.fifoliveness.autoconfigure;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Removes the fifo-liveness auto-configurations that need a {@link Feature feature}
 * before Spring Boot reads them when the application uses none, so that a starter left
 * unused costs no class read and no condition for them. Each removed class is reported
 * with the outcome its {@link ConditionalOnFeature} would have given. The others follow
 * beans that an application may define itself, which a filter cannot see, and stay: the
 * native layer and the watcher for a {@code Peers} bean, the health contributors and
 * metrics.
 * <p>
 * Spring asks a filter about every class it imports, one at a time, so the features are
 * read only when one of ours is asked about, and then once.
 */
class UnusedFeaturesFilter implements AutoConfigurationImportFilter, EnvironmentAware, BeanFactoryAware {

	private static final String PACKAGE = UnusedFeaturesFilter.class.getPackageName() + ".";

	/**
	 * The auto-configurations annotated with {@link ConditionalOnFeature} that no bean of
	 * the application's own turns on, by name: a class literal would load them.
	 */
	static final Set<String> FEATURE_GATED = Set.of(PACKAGE + "LivenessBeaconAutoConfiguration",
			PACKAGE + "ApplicationPidFileAutoConfiguration", PACKAGE + "SystemdNotifyAutoConfiguration");

	private @Nullable Environment environment;

	private @Nullable BeanFactory beanFactory;

	private @Nullable ConditionOutcome outcome;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public boolean[] match(@Nullable String[] autoConfigurationClasses,
			AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < matches.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = candidate == null || !FEATURE_GATED.contains(candidate) || outcome().isMatch();
			if (!matches[i]) {
				report(candidate, outcome());
			}
		}
		return matches;
	}

	private ConditionOutcome outcome() {
		ConditionOutcome outcome = this.outcome;
		if (outcome == null) {
			outcome = (this.environment != null)
					? OnFeatureCondition.outcome(Features.of(this.environment), EnumSet.allOf(Feature.class))
					: ConditionOutcome.match();
			this.outcome = outcome;
		}
		return outcome;
	}

	private void report(String candidate, ConditionOutcome outcome) {
		if (this.beanFactory instanceof ConfigurableListableBeanFactory listable) {
			ConditionEvaluationReport.get(listable)
				.recordConditionEvaluation(candidate, new OnFeatureCondition(), outcome);
		}
	}

}
