package io.github.fifoliveness.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation for a test class whose application context should hold the application's
 * beacons, and with {@link #pidFile()} write its PID file, as the application does.
 * Without it (or {@code fifo-liveness.test.beacon=true} and
 * {@code fifo-liveness.test.pid-file=true}), an application context started by Spring's
 * test support holds no beacon and writes no PID file, so that tests neither take the
 * paths of the application running beside them nor fight each other for them; peers are
 * probed and watched as usual. Give such a test paths of its own, such as in a temporary
 * folder. Imports the auto-configurations of the beacons and the PID file, so that a test
 * slice, which loads only its own, has them too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureFifoLiveness {

	/**
	 * Whether to hold the liveness beacon and, where a path is set for it, the readiness
	 * beacon.
	 * @return whether to hold the beacons
	 */
	boolean beacon() default true;

	/**
	 * Whether to write the PID file, where one is configured. Off unless asked, because a
	 * test that overrides the beacon's path may well keep the application's PID file
	 * path, and would then rename its own PID over the running application's.
	 * @return whether to write the PID file
	 */
	boolean pidFile() default false;

}
