/**
 * Tells systemd what the application does, through the socket a {@code Type=notify} unit
 * names in {@code NOTIFY_SOCKET}. Imports only {@code posix}.
 */
@NullMarked
package io.github.fifoliveness.systemd;

import org.jspecify.annotations.NullMarked;
