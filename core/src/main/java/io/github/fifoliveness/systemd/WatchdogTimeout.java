package io.github.fifoliveness.systemd;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the watchdog's timeout as {@code sd_watchdog_enabled} does: only where
 * {@code WATCHDOG_PID} is unset or this process, since a wrapper that did not
 * {@code exec} the JVM passes on variables meant for itself.
 */
final class WatchdogTimeout {

	private static final Logger logger = LoggerFactory.getLogger(WatchdogTimeout.class);

	private WatchdogTimeout() {
	}

	static @Nullable Duration of(@Nullable String usec, @Nullable String pid, long currentPid) {
		if (usec == null || usec.isEmpty()) {
			return null;
		}
		long micros = positive(usec);
		if (micros <= 0) {
			logger.warn("No watchdog pings are sent: " + SystemdNotifier.WATCHDOG_USEC + " is '" + usec
					+ "', not a positive number of microseconds");
			return null;
		}
		if (pid != null && !pid.isEmpty()) {
			long watchdogPid = positive(pid);
			if (watchdogPid != currentPid) {
				logger.warn("No watchdog pings are sent: " + SystemdNotifier.WATCHDOG_PID + " is '" + pid
						+ "', not this process (" + currentPid + "); a wrapper script must 'exec' the JVM");
				return null;
			}
		}
		return Duration.of(micros, ChronoUnit.MICROS);
	}

	private static long positive(String number) {
		try {
			return Long.parseLong(number.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
