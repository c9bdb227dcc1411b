/**
 * The runner side: the FIFO an application holds for its liveness, its lock, its watcher
 * and its release.
 */
@NullMarked
package io.github.fifoliveness.beacon;

import org.jspecify.annotations.NullMarked;
