package io.github.fifoliveness.posix;

/**
 * A process watched through a pidfd in a {@link KernelEvents} set: the kernel reports it
 * once the process exits. A pidfd names one process, never one that reuses its PID later.
 */
public final class ProcessWatch implements AutoCloseable {

	private final KernelEvents events;

	private final int fd;

	private final int pid;

	private boolean closed;

	ProcessWatch(KernelEvents events, int fd, int pid) {
		this.events = events;
		this.fd = fd;
		this.pid = pid;
	}

	/**
	 * Return the id of the process watched.
	 * @return the pid
	 */
	public int pid() {
		return this.pid;
	}

	/**
	 * Stop watching: close the pidfd. Calling it again does nothing.
	 */
	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.events.release(this.fd);
		}
	}

}
