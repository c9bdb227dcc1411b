package io.github.fifoliveness.systemd;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.fifoliveness.posix.NativePosix;
import io.github.fifoliveness.posix.NotifySocket;
import io.github.fifoliveness.posix.PosixException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends systemd's notifications, one datagram each, to the socket {@code NOTIFY_SOCKET}
 * names. A notification systemd cannot receive never fails the application: the first
 * failure is logged at WARN, later ones at DEBUG. {@code READY=1} and {@code STOPPING=1}
 * wait out a full queue for a few seconds, and are a WARN of their own if it stays full,
 * then go with the next notification that gets through. Thread-safe.
 */
public final class SystemdNotifier implements AutoCloseable {

	/** The environment variable that names systemd's notify socket. */
	public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";

	/** The environment variable that holds the watchdog's timeout, in microseconds. */
	public static final String WATCHDOG_USEC = "WATCHDOG_USEC";

	/** The environment variable that names the process the watchdog is meant for. */
	public static final String WATCHDOG_PID = "WATCHDOG_PID";

	private static final Logger logger = LoggerFactory.getLogger(SystemdNotifier.class);

	// How long READY=1 and STOPPING=1 wait out a full queue of systemd's, as sd_notify's
	// blocking send would: without them the unit's state is wrong until it times out.
	private static final Duration STATE_CHANGE_PATIENCE = Duration.ofSeconds(5);

	private final String address;

	private final @Nullable NotifySocket socket;

	private final @Nullable Duration watchdogTimeout;

	private boolean warned;

	private boolean ready;

	private boolean stopping;

	private @Nullable String status;

	// READY=1 or STOPPING=1 lost to a queue that stayed full.
	private final AtomicReference<@Nullable String> owed = new AtomicReference<>();

	SystemdNotifier(String address, @Nullable NotifySocket socket, @Nullable Duration watchdogTimeout) {
		this.address = address;
		this.socket = socket;
		this.watchdogTimeout = watchdogTimeout;
		this.warned = (socket == null);
	}

	/**
	 * Create a notifier that sends nothing, for an application built ahead of time where
	 * {@code NOTIFY_SOCKET} was set that runs where it is not.
	 */
	public static SystemdNotifier none() {
		return new SystemdNotifier("", null, null);
	}

	/** Create a notifier where this process's environment sets {@code NOTIFY_SOCKET}. */
	public static Optional<SystemdNotifier> fromEnvironment() {
		return fromEnvironment(System::getenv, NativePosix::get);
	}

	/**
	 * Create a notifier from the given environment; the native layer is loaded only where
	 * {@code NOTIFY_SOCKET} is set, else the result is empty.
	 */
	public static Optional<SystemdNotifier> fromEnvironment(Function<String, @Nullable String> variables,
			Supplier<NativePosix> posix) {
		String address = variables.apply(NOTIFY_SOCKET);
		if (address == null || address.isEmpty()) {
			return Optional.empty();
		}
		Duration watchdogTimeout = readWatchdogTimeout(variables.apply(WATCHDOG_USEC), variables.apply(WATCHDOG_PID),
				ProcessHandle.current().pid());
		return Optional.of(new SystemdNotifier(address, open(address, posix), watchdogTimeout));
	}

	private static @Nullable NotifySocket open(String address, Supplier<NativePosix> posix) {
		try {
			return NotifySocket.open(address, posix.get());
		}
		catch (PosixException | RuntimeException | LinkageError ex) {
			logger.warn("systemd is not notified: no socket to send to " + NOTIFY_SOCKET + " '" + address + "': "
					+ ex.getMessage());
			return null;
		}
	}

	// As sd_watchdog_enabled reads it: only where WATCHDOG_PID is unset or this process,
	// since a wrapper that did not exec the JVM passes on variables meant for itself.
	private static @Nullable Duration readWatchdogTimeout(@Nullable String usec, @Nullable String pid,
			long currentPid) {
		if (usec == null || usec.isEmpty()) {
			return null;
		}
		long micros = positive(usec);
		if (micros <= 0) {
			logger.warn("No watchdog pings are sent: " + WATCHDOG_USEC + " is '" + usec
					+ "', not a positive number of microseconds");
			return null;
		}
		if (pid != null && !pid.isEmpty()) {
			long watchdogPid = positive(pid);
			if (watchdogPid != currentPid) {
				logger.warn("No watchdog pings are sent: " + WATCHDOG_PID + " is '" + pid + "', not this process ("
						+ currentPid + "); a wrapper script must 'exec' the JVM");
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

	/** Return the watchdog's timeout, where systemd asks this process for pings. */
	public Optional<Duration> watchdogTimeout() {
		return Optional.ofNullable(this.watchdogTimeout);
	}

	/**
	 * Tell systemd, once, that the application is ready ({@code READY=1}), with a status
	 * ({@code STATUS=}).
	 */
	public void ready(String status) {
		synchronized (this) {
			if (this.ready || this.stopping) {
				return;
			}
			this.ready = true;
			this.status = line(status);
		}
		sendStateChange("READY=1", line(status));
	}

	/**
	 * Tell systemd what the application does, for {@code systemctl status}; a status
	 * equal to the last one is not sent again, nor any once stopping.
	 */
	public synchronized void status(String status) {
		String line = line(status);
		if (this.stopping || line.equals(this.status)) {
			return;
		}
		this.status = line;
		send("STATUS=" + line);
	}

	/**
	 * Tell systemd, once, that the application is stopping ({@code STOPPING=1}), with a
	 * status ({@code STATUS=}).
	 */
	public void stopping(String status) {
		synchronized (this) {
			if (this.stopping) {
				return;
			}
			this.stopping = true;
			this.status = line(status);
		}
		sendStateChange("STOPPING=1", line(status));
	}

	/**
	 * Ask systemd to wait at least this long before its start timeout applies; not sent
	 * once ready or stopping, where it would extend another timeout.
	 */
	public synchronized void extendStartTimeout(Duration atLeast) {
		if (this.ready || this.stopping) {
			return;
		}
		send("EXTEND_TIMEOUT_USEC=" + Math.max(1, atLeast.toNanos() / 1000));
	}

	/**
	 * Return the configured extension of the start timeout.
	 * @throws IllegalArgumentException if it is not positive
	 */
	public static Duration startTimeoutExtension(Duration extension) {
		if (extension.isNegative() || extension.isZero()) {
			throw new IllegalArgumentException("An extension of the start timeout must be positive, such as 60s;"
					+ " leave it unset to keep the unit's TimeoutStartSec= as it is.");
		}
		return extension;
	}

	/** Send a watchdog ping ({@code WATCHDOG=1}). */
	public void watchdog() {
		send("WATCHDOG=1");
	}

	/** Whether {@link #ready(String)} was called. */
	public synchronized boolean isReady() {
		return this.ready;
	}

	private void send(String message) {
		PosixException failure = trySend(message);
		if (failure != null) {
			warn(message, failure, false);
		}
	}

	// Sent with a state change still owed, which the datagram carries first.
	private @Nullable PosixException trySend(String message) {
		NotifySocket socket = this.socket;
		String owed = this.owed.get();
		try {
			if (socket != null) {
				socket.send((owed != null) ? owed + "\n" + message : message);
				this.owed.compareAndSet(owed, null);
			}
			return null;
		}
		catch (PosixException ex) {
			return ex;
		}
	}

	// Outside the lock, so that statuses and pings are not held up meanwhile.
	private void sendStateChange(String change, String status) {
		String message = change + "\nSTATUS=" + status;
		long deadline = System.nanoTime() + STATE_CHANGE_PATIENCE.toNanos();
		for (long pause = 1;; pause = Math.min(2 * pause, 100)) {
			PosixException failure = trySend(message);
			if (failure == null) {
				return;
			}
			boolean full = "EAGAIN".equals(failure.getErrorName());
			if (!full || System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
				if (full) {
					this.owed.set(change);
				}
				warn(message, failure, full);
				return;
			}
			LockSupport.parkNanos(Duration.ofMillis(pause).toNanos());
		}
	}

	// A state change lost to a queue that stayed full is told even after an earlier WARN:
	// unlike a wrong address, it says something new.
	private synchronized void warn(String message, PosixException ex, boolean always) {
		String line = "systemd was not notified of '" + message.replace('\n', ' ') + "' through " + NOTIFY_SOCKET + " '"
				+ this.address + "': " + ex.getMessage();
		if (always) {
			logger.warn(line + "; it goes with the next notification that gets through, and until then systemd"
					+ " does not know of it (a unit still starting fails at its TimeoutStartSec=)");
		}
		else if (!this.warned) {
			this.warned = true;
			logger.warn(line + "; further failures are logged at DEBUG level");
		}
		else {
			logger.debug(line);
		}
	}

	// One assignment per line: a status with a line break would end it there.
	private static String line(String status) {
		return status.replace('\n', ' ').replace('\r', ' ');
	}

	/** Close the socket; later notifications are not sent. */
	@Override
	public void close() {
		if (this.socket != null) {
			this.socket.close();
		}
	}

}
