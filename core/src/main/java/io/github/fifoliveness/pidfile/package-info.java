/**
 * The application's own PID file, for peers that only read PID files.
 */
@NullMarked
package io.github.fifoliveness.pidfile;

import org.jspecify.annotations.NullMarked;
