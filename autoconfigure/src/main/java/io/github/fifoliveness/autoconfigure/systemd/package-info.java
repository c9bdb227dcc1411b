/**
 * Tells systemd what Spring Boot knows: readiness, liveness and shutdown.
 */
@NullMarked
package io.github.fifoliveness.autoconfigure.systemd;

import org.jspecify.annotations.NullMarked;
