/**
 * The runner side: the FIFO this application holds for its liveness and readiness, its
 * watcher and its release.
 */
@NullMarked
package io.github.fifoliveness.beacon;

import org.jspecify.annotations.NullMarked;
