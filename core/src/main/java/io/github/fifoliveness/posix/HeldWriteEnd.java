package io.github.fifoliveness.posix;

/**
 * The write end of a live FIFO, held open in a {@link KernelEvents} set: the kernel
 * reports it once the FIFO's last reader goes away. Holding it changes nothing for the
 * reader (it is not a reader itself) and nothing is ever written to it.
 */
public final class HeldWriteEnd implements AutoCloseable {

	private final KernelEvents events;

	private final int fd;

	private final FileStatus status;

	private boolean closed;

	HeldWriteEnd(KernelEvents events, int fd, FileStatus status) {
		this.events = events;
		this.fd = fd;
		this.status = status;
	}

	/**
	 * Return the status of the FIFO held, taken when it was opened.
	 * @return the status
	 */
	public FileStatus status() {
		return this.status;
	}

	/**
	 * Whether the path still names the FIFO held (same device and inode), not following a
	 * symbolic link there, as the probe does not. A FIFO deleted and created anew at the
	 * path leaves the held end on the old one.
	 * @param path the path it was opened at
	 * @return {@code true} if the path names the held FIFO
	 */
	public boolean isStillAt(NativePath path) {
		return this.events.names(path, this.status);
	}

	/**
	 * Close the write end, which also removes it from the set. Calling it again does
	 * nothing.
	 */
	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.events.release(this.fd);
		}
	}

}
