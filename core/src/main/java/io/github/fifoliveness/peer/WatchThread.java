package io.github.fifoliveness.peer;

import java.time.Duration;

import io.github.fifoliveness.posix.KernelEvents;
import org.jspecify.annotations.Nullable;

/**
 * The thread a watcher runs on, stopped by waking its event set (or interrupting its
 * sleep) and waiting a moment. A run that did not end in that moment still ends before
 * the next one begins, as both would serve the same peers and keys.
 */
final class WatchThread {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);

	private final String name;

	// The current run's thread; any other that asks is told to stop.
	private volatile @Nullable Thread thread;

	private @Nullable Thread stopped;

	private volatile @Nullable KernelEvents events;

	WatchThread(String name) {
		this.name = name;
	}

	// Unless running; the body starts once the last run has ended.
	synchronized void start(Runnable body) {
		if (this.thread != null) {
			return;
		}
		Thread previous = this.stopped;
		Thread started = new Thread(() -> {
			if (hasEnded(previous)) {
				body.run();
			}
		}, this.name);
		started.setDaemon(true);
		this.thread = started;
		started.start();
	}

	// False when stopped meanwhile.
	private boolean hasEnded(@Nullable Thread previous) {
		try {
			if (previous != null) {
				previous.join();
			}
			return !isStopping();
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

	// False if it is still running, held up by something it called.
	boolean stop() {
		Thread running;
		synchronized (this) {
			running = this.thread;
			if (running == null) {
				return true;
			}
			this.thread = null;
			this.stopped = running;
		}
		wake();
		running.interrupt();
		try {
			running.join(STOP_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !running.isAlive();
	}

	// Ends a wait for events early; a sleep between polls ends on its own.
	void wake() {
		KernelEvents current = this.events;
		if (current != null) {
			current.wake();
		}
	}

	boolean isRunning() {
		return this.thread != null;
	}

	// True once stopped, or when another run has begun since.
	boolean isStopping() {
		return this.thread != Thread.currentThread();
	}

	void events(@Nullable KernelEvents events) {
		this.events = events;
	}

}
