/**
 * Auto-configuration for fifo-liveness: the Spring glue that wires the beacons, the peers
 * and the native layer, their properties and failure analyzers.
 */
@NullMarked
package io.github.fifoliveness.autoconfigure;

import org.jspecify.annotations.NullMarked;
