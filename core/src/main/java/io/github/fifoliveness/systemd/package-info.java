/**
 * Tells systemd what the application does, through the socket a {@code Type=notify} unit
 * names in {@code NOTIFY_SOCKET}: {@code READY=1}, {@code STATUS=}, {@code STOPPING=1},
 * {@code EXTEND_TIMEOUT_USEC=}, and the watchdog's {@code WATCHDOG=1}. Imports only
 * {@code posix}.
 */
@NullMarked
package io.github.fifoliveness.systemd;

import org.jspecify.annotations.NullMarked;
