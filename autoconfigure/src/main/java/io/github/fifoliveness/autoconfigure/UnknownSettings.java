package io.github.fifoliveness.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.Environment;

/**
 * Binds the properties under {@code fifo-liveness} where no feature's auto-configuration
 * does, to refuse names that none of them knows, as
 * {@code @ConfigurationProperties(ignoreUnknownFields = false)} would. A value that is
 * not of its type is left alone: no feature reads it, and a placeholder that only
 * production resolves must not fail a test.
 */
final class UnknownSettings extends NoUnboundElementsBindHandler {

	private UnknownSettings() {
		super(BindHandler.DEFAULT, new UnboundElementsSourceFilter());
	}

	static void refuse(Environment environment) {
		Binder.get(environment).bind("fifo-liveness", Bindable.of(FifoLivenessProperties.class), new UnknownSettings());
	}

	@Override
	public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
			Exception error) throws Exception {
		if (error instanceof UnboundConfigurationPropertiesException) {
			throw error;
		}
		return onSuccess(name, target, context, null);
	}

}
