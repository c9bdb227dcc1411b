package io.github.fifoliveness.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Properties of the notifications to systemd, where it asks for them (NOTIFY_SOCKET set),
 * under {@code fifo-liveness.systemd}.
 */
public class SystemdProperties {

	/**
	 * Whether to tell systemd when the application is ready and stopping and what it
	 * does, and to send watchdog pings while its LivenessState is CORRECT. Only where the
	 * environment variable NOTIFY_SOCKET is set, as systemd sets it for a Type=notify
	 * service.
	 */
	private boolean enabled = true;

	/**
	 * How much more time to ask systemd for (EXTEND_TIMEOUT_USEC) whenever start-up
	 * progresses (a bean is initialized), until the application is ready: the longest one
	 * step of start-up may take. Unset, the unit's TimeoutStartSec= applies as it is.
	 */
	private @Nullable Duration extendTimeout;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Duration getExtendTimeout() {
		return this.extendTimeout;
	}

	public void setExtendTimeout(@Nullable Duration extendTimeout) {
		this.extendTimeout = extendTimeout;
	}

}
