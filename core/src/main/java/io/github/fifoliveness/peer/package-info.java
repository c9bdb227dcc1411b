/**
 * The checker side: probes of other applications' FIFOs and PID files, their status, the
 * watcher and poller that follow them, their health indicator, metrics and the
 * command-line check.
 */
@NullMarked
package io.github.fifoliveness.peer;

import org.jspecify.annotations.NullMarked;
