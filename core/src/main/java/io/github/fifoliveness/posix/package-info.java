/** Every native call fifo-liveness makes, behind a Java-typed API. */
@NullMarked
package io.github.fifoliveness.posix;

import org.jspecify.annotations.NullMarked;
