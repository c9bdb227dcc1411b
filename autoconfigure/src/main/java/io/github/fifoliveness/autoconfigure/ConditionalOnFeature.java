package io.github.fifoliveness.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the application uses at least one of the given {@link Feature features},
 * as {@link Features} reads them from the environment, or, for the peers, defines a
 * {@code Peers} bean of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnFeatureCondition.class)
@interface ConditionalOnFeature {

	/**
	 * The features, any of which matches. All of them by default: whatever the
	 * application uses needs the native layer.
	 * @return the features
	 */
	Feature[] value() default { Feature.LIVENESS_BEACON, Feature.READINESS_BEACON, Feature.PID_FILE, Feature.PEERS,
			Feature.SYSTEMD_NOTIFY };

}
