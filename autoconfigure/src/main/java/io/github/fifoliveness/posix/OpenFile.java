package io.github.fifoliveness.posix;

/**
 * A file descriptor held open, with the status of the file it names. Closing it is what
 * tells peers that the holder is gone; the kernel does the same when the process dies.
 */
public final class OpenFile implements AutoCloseable {

	private final NativePosix posix;

	private final int fd;

	private final FileStatus status;

	private boolean closed;

	OpenFile(NativePosix posix, int fd, FileStatus status) {
		this.posix = posix;
		this.fd = fd;
		this.status = status;
	}

	/**
	 * Return the status of the open file, taken with {@code fstat} when it was opened.
	 * @return the status
	 */
	public FileStatus status() {
		return this.status;
	}

	/**
	 * Change the permission bits of the open file.
	 * @param permissions the new bits, such as {@code 0600}
	 * @throws PosixException if the change fails
	 */
	public synchronized void changePermissions(int permissions) throws PosixException {
		if (this.posix.changePermissions(this.fd, permissions) < 0) {
			throw this.posix.exception("fchmod", "fd " + this.fd, this.posix.errno());
		}
	}

	/**
	 * Whether {@link #close()} has been called.
	 * @return {@code true} once closed
	 */
	public synchronized boolean isClosed() {
		return this.closed;
	}

	/**
	 * Close the descriptor. Calling it again does nothing.
	 */
	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			// After close(2) the descriptor is gone even on EINTR, so there is nothing to retry.
			this.posix.close(this.fd);
		}
	}

}
