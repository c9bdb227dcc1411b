/**
 * The beacon in a Spring application: the FIFOs that follow its {@code LivenessState} and
 * {@code ReadinessState}, and their health indicator.
 */
@NullMarked
package io.github.fifoliveness.autoconfigure.beacon;

import org.jspecify.annotations.NullMarked;
