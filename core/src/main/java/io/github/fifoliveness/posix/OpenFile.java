package io.github.fifoliveness.posix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * A file descriptor held open: a beacon's read end or lock file, or, in a
 * {@link KernelEvents} set, a peer's write end or pidfd. Closing a beacon's read end is
 * what tells peers that the holder is gone; the kernel does the same when the process
 * dies. A held write end is not a reader, so it changes nothing for the FIFO's reader,
 * and nothing is ever written to it.
 */
public final class OpenFile implements AutoCloseable {

	private final NativePosix posix;

	private final int fd;

	private final @Nullable FileStatus status;

	private final IntConsumer release;

	private boolean closed;

	OpenFile(NativePosix posix, int fd, @Nullable FileStatus status, IntConsumer release) {
		this.posix = posix;
		this.fd = fd;
		this.status = status;
		this.release = release;
	}

	int fd() {
		return this.fd;
	}

	/**
	 * Return the status of the open file, taken with {@code fstat} when it was opened.
	 * @throws IllegalStateException for a pidfd, which names a process, not a file
	 */
	public FileStatus status() {
		if (this.status == null) {
			throw new IllegalStateException("A pidfd has no file status");
		}
		return this.status;
	}

	/**
	 * Whether the path still names this file (same device and inode), not following a
	 * symbolic link there. Meaningful after {@link #close()} too.
	 */
	public boolean isStillAt(Path path) throws PosixException {
		return this.posix.statusOf(path).map((now) -> now.isSameFileAs(status())).orElse(false);
	}

	/**
	 * Like {@link #isStillAt(Path)}, with the path encoded once beforehand and without
	 * allocating, as an event loop asks it of every held write end; {@code false} when
	 * the path cannot be examined.
	 */
	public boolean isStillAt(NativePath path) {
		FileStatus file = status();
		StatBuffer now = StatBuffer.perThread();
		return this.posix.syscalls().stat(path.bytes(), false, now) == 0 && now.device == file.device()
				&& now.inode == file.inode();
	}

	/**
	 * Take an exclusive {@code flock} on the file without waiting, and return whether
	 * this descriptor now holds it. The kernel releases it when the descriptor is closed
	 * or the process dies, so it never goes stale.
	 */
	public synchronized boolean tryLockExclusive() throws PosixException {
		int result;
		do {
			result = this.posix.syscalls().flock(this.fd, NativePosix.LOCK_EX | NativePosix.LOCK_NB);
		}
		while (result == -PosixConstants.EINTR);
		if (result == 0) {
			return true;
		}
		int errno = -result;
		if (errno == PosixConstants.EWOULDBLOCK) {
			return false;
		}
		throw PosixException.of("flock", "fd " + this.fd, errno);
	}

	/** Replace the content of the file with the given text. */
	public synchronized void replaceContent(String text) throws PosixException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		Syscalls calls = this.posix.syscalls();
		int result = calls.ftruncate(this.fd, 0);
		if (result == 0) {
			result = calls.pwrite(this.fd, bytes, bytes.length, 0);
		}
		// A short write of a few bytes to a regular file is the file system failing.
		if (result != bytes.length) {
			throw PosixException.of("write", "fd " + this.fd, (result < 0) ? -result : PosixConstants.EIO);
		}
	}

	/** Read the start of the file as text, empty if it is empty or cannot be read. */
	public synchronized String readContent(int maxBytes) {
		byte[] buffer = new byte[maxBytes];
		int read = this.posix.syscalls().pread(this.fd, buffer, maxBytes, 0);
		return (read > 0) ? new String(buffer, 0, read, StandardCharsets.UTF_8) : "";
	}

	/** Whether {@link #close()} has been called. */
	public synchronized boolean isClosed() {
		return this.closed;
	}

	/** Close the descriptor, which also removes it from its event set; idempotent. */
	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			// close(2) frees the descriptor even on EINTR, so there is nothing to retry.
			this.release.accept(this.fd);
		}
	}

}
