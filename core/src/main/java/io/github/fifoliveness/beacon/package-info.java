/**
 * The runner side: the FIFO an application holds for its liveness.
 */
@NullMarked
package io.github.fifoliveness.beacon;

import org.jspecify.annotations.NullMarked;
