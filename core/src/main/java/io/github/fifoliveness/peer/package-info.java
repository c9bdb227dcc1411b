/**
 * The checker side: probes of other applications' FIFOs and PID files, their status, the
 * watcher and poller that follow them and tell each change to a
 * {@link io.github.fifoliveness.peer.PeerStatusListener}, and the command-line check.
 */
@NullMarked
package io.github.fifoliveness.peer;

import org.jspecify.annotations.NullMarked;
