/**
 * Every native call fifo-liveness makes, behind a Java-typed API: jnr (jffi's
 * {@code syscall} on Linux, jnr-posix elsewhere) on Java 17 to 21, the foreign function
 * API on Java 22 and later.
 */
@NullMarked
package io.github.fifoliveness.posix;

import org.jspecify.annotations.NullMarked;
