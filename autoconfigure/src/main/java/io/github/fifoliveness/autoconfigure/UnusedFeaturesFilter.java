package io.github.fifoliveness.autoconfigure;

import java.util.EnumSet;

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
 * Removes every fifo-liveness auto-configuration before Spring Boot reads it when the
 * application uses none of the {@link Feature features}, so that a starter left unused
 * costs no class read and no condition. Each removed class is reported with the outcome
 * its {@link ConditionalOnFeature} would have given.
 */
class UnusedFeaturesFilter implements AutoConfigurationImportFilter, EnvironmentAware, BeanFactoryAware {

	private static final String PACKAGE = UnusedFeaturesFilter.class.getPackageName() + ".";

	private @Nullable Environment environment;

	private @Nullable BeanFactory beanFactory;

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
		Features features = (this.environment != null) ? Features.of(this.environment) : null;
		ConditionOutcome outcome = (features != null)
				? OnFeatureCondition.outcome(features, EnumSet.allOf(Feature.class)) : null;
		for (int i = 0; i < matches.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = candidate == null || outcome == null || outcome.isMatch() || !candidate.startsWith(PACKAGE);
			if (!matches[i]) {
				report(candidate, outcome);
			}
		}
		return matches;
	}

	private void report(String candidate, ConditionOutcome outcome) {
		if (this.beanFactory instanceof ConfigurableListableBeanFactory listable) {
			ConditionEvaluationReport.get(listable)
				.recordConditionEvaluation(candidate, new OnFeatureCondition(), outcome);
		}
	}

}
