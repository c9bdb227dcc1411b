package io.github.fifoliveness.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Annotation for a test class whose application context should hold the application's
 * beacons and write its PID file, as the application does. Without it (or
 * {@code fifo-liveness.test.enabled=true}), an application context started by Spring's
 * test support holds no beacon and writes no PID file, so that tests neither take the
 * path of the application running beside them nor fight each other for it; peers are
 * probed and watched as usual. Give such a test a path of its own, such as in a temporary
 * folder, unless it means to take the application's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFifoLiveness {

}
