package io.github.fifoliveness.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.Environment;

/**
 * The auto-configurations an application excludes, by name, from where Spring Boot reads
 * them: {@code spring.autoconfigure.exclude} and the {@code exclude} and
 * {@code excludeName} of its sources' {@link EnableAutoConfiguration}.
 */
final class ExcludedAutoConfigurations {

	private ExcludedAutoConfigurations() {
	}

	static Set<String> of(SpringApplication application, Environment environment) {
		Set<String> excluded = new HashSet<>(Binder.get(environment)
			.bind("spring.autoconfigure.exclude", Bindable.setOf(String.class))
			.orElse(Set.of()));
		for (Object source : application.getAllSources()) {
			if (source instanceof Class<?> type) {
				MergedAnnotation<EnableAutoConfiguration> enable = MergedAnnotations
					.from(type, SearchStrategy.TYPE_HIERARCHY)
					.get(EnableAutoConfiguration.class);
				if (enable.isPresent()) {
					excluded.addAll(List.of(enable.getStringArray("exclude")));
					excluded.addAll(List.of(enable.getStringArray("excludeName")));
				}
			}
		}
		return excluded;
	}

}
