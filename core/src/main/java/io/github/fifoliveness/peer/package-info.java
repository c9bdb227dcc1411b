/**
 * The checker side: probes of other applications' FIFOs and PID files, the watcher that
 * follows them, and the command-line check.
 */
@NullMarked
package io.github.fifoliveness.peer;

import org.jspecify.annotations.NullMarked;
