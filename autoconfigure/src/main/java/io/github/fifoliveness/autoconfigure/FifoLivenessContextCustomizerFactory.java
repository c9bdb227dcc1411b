package io.github.fifoliveness.autoconfigure;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * {@link ContextCustomizerFactory} that turns off, in every test's application context,
 * what fifo-liveness does outside the JVM: the liveness and readiness beacons and the
 * application's PID file. Several contexts in one JVM, test JVMs in parallel and the
 * application running beside its tests would otherwise all claim one path. A test opts
 * back in with {@link AutoConfigureFifoLiveness}, or {@code fifo-liveness.test.beacon}
 * and {@code fifo-liveness.test.pid-file}, as Spring Boot's own test support does for
 * metrics export.
 * <p>
 * It marks the context's environment with a property source of its own, last, which
 * {@link Features} looks for, holding what the annotation asks for: rather than
 * overriding properties, which the test's own (dynamic) properties, added later ahead of
 * every other source, would override in turn.
 */
class FifoLivenessContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFifoLiveness annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFifoLiveness.class);
		if (annotation == null) {
			return new TestContextMarker(Map.of());
		}
		return new TestContextMarker(Map.of(Features.TEST_BEACON, String.valueOf(annotation.beacon()),
				Features.TEST_PID_FILE, String.valueOf(annotation.pidFile())));
	}

	private static final class TestContextMarker implements ContextCustomizer {

		private final Map<String, Object> optIns;

		TestContextMarker(Map<String, Object> optIns) {
			this.optIns = optIns;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource(Features.TEST_CONTEXT_PROPERTY_SOURCE, this.optIns));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return (other instanceof TestContextMarker marker) && marker.optIns.equals(this.optIns);
		}

		@Override
		public int hashCode() {
			return this.optIns.hashCode();
		}

	}

}
