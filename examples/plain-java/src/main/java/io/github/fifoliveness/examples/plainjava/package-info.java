/**
 * fifo-liveness in a plain Java service.
 */
@NullMarked
package io.github.fifoliveness.examples.plainjava;

import org.jspecify.annotations.NullMarked;
