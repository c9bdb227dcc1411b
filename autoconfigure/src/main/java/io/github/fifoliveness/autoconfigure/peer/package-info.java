/**
 * The peers in a Spring application: the health indicator, the metrics, and the events
 * the core's watcher and poller tell through their listener.
 */
@NullMarked
package io.github.fifoliveness.autoconfigure.peer;

import org.jspecify.annotations.NullMarked;
