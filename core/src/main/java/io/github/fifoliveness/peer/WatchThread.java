package io.github.fifoliveness.peer;

import java.time.Duration;

import io.github.fifoliveness.posix.KernelEvents;
import org.jspecify.annotations.Nullable;

/**
 * The one thread a watcher runs on: started once, and stopped by waking its event set (or
 * interrupting its sleep, without one) and waiting a moment for it to end.
 */
final class WatchThread {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);

	private final String name;

	private volatile boolean stopping;

	private volatile @Nullable KernelEvents events;

	private @Nullable Thread thread;

	WatchThread(String name) {
		this.name = name;
	}

	/**
	 * Start the body on a daemon thread, unless running.
	 * @param body what the thread runs
	 */
	synchronized void start(Runnable body) {
		if (this.thread != null) {
			return;
		}
		this.stopping = false;
		this.thread = new Thread(body, this.name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Tell the thread to stop, wake it, and wait up to a second for it to end.
	 * @return {@code false} if it is still running, held up by something it called
	 */
	boolean stop() {
		Thread running;
		synchronized (this) {
			running = this.thread;
			this.thread = null;
		}
		if (running == null) {
			return true;
		}
		this.stopping = true;
		KernelEvents current = this.events;
		if (current != null) {
			current.wake();
		}
		running.interrupt();
		try {
			running.join(STOP_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !running.isAlive();
	}

	synchronized boolean isRunning() {
		return this.thread != null;
	}

	boolean isStopping() {
		return this.stopping;
	}

	/**
	 * Set the event set that {@link #stop()} wakes.
	 * @param events the event set, {@code null} for none
	 */
	void events(@Nullable KernelEvents events) {
		this.events = events;
	}

}
