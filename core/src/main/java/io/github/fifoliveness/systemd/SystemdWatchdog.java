package io.github.fifoliveness.systemd;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Sends {@code WATCHDOG=1} every half of the watchdog's timeout, as systemd recommends,
 * while the application is alive, so that systemd restarts a broken one as it would a
 * hung one. Once {@code setAlive(false)} has returned, no ping is sent until
 * {@code setAlive(true)}, which sends one at once.
 */
public final class SystemdWatchdog {

	/** The name of the thread that sends the pings. */
	public static final String THREAD_NAME = "fifo-liveness-systemd-watchdog";

	private final SystemdNotifier notifier;

	private final long periodNanos;

	private final Object lock = new Object();

	private boolean alive = true;

	// When the next ping is due; 0 for at once.
	private long nextPing;

	private @Nullable Thread thread;

	/**
	 * Create a watchdog for systemd's timeout that is alive until told otherwise.
	 */
	public SystemdWatchdog(SystemdNotifier notifier, Duration timeout) {
		this.notifier = notifier;
		this.periodNanos = Math.max(1_000_000L, timeout.toNanos() / 2);
	}

	/** Start sending pings, unless started already; the first at once if alive. */
	public void start() {
		synchronized (this.lock) {
			if (this.thread != null) {
				return;
			}
			this.nextPing = 0;
			Thread thread = new Thread(this::run, THREAD_NAME);
			thread.setDaemon(true);
			this.thread = thread;
			thread.start();
		}
	}

	/** Say whether the application is alive: pings are sent only while it is. */
	public void setAlive(boolean alive) {
		synchronized (this.lock) {
			if (alive && !this.alive) {
				this.nextPing = 0;
			}
			this.alive = alive;
			this.lock.notifyAll();
		}
	}

	/** Whether the watchdog runs, sending pings while the application is alive. */
	public boolean isRunning() {
		synchronized (this.lock) {
			return this.thread != null;
		}
	}

	/** Stop sending pings, and wait for the thread to end. */
	public void stop() {
		Thread thread;
		synchronized (this.lock) {
			thread = this.thread;
			this.thread = null;
			this.lock.notifyAll();
		}
		if (thread != null && thread != Thread.currentThread()) {
			try {
				thread.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void run() {
		Thread self = Thread.currentThread();
		while (true) {
			synchronized (this.lock) {
				long wait = waitNanos();
				while (this.thread == self && wait > 0) {
					try {
						this.lock.wait(Math.max(1, wait / 1_000_000), 0);
					}
					catch (InterruptedException ex) {
						return;
					}
					wait = waitNanos();
				}
				if (this.thread != self) {
					return;
				}
				this.nextPing = System.nanoTime() + this.periodNanos;
				// Under the lock, so none is sent once setAlive(false) returns; the send
				// never blocks.
				this.notifier.watchdog();
			}
		}
	}

	private long waitNanos() {
		if (!this.alive) {
			return Long.MAX_VALUE;
		}
		return (this.nextPing == 0) ? 0 : this.nextPing - System.nanoTime();
	}

}
