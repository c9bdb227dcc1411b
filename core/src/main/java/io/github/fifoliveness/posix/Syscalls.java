package io.github.fifoliveness.posix;

/**
 * The system calls fifo-liveness makes, one method per call and nothing composite:
 * {@link NativePosix} builds the rest, shared by every implementation. A result of zero
 * or more is the call's result, a negative one the errno of that very call, negated, so
 * the error can never come from another call made in between. Paths are NUL-terminated.
 */
interface Syscalls {

	NativeImplementation implementation();

	int open(byte[] path, int flags, int mode);

	int close(int fd);

	int fstat(int fd, StatBuffer into);

	/** {@code stat(2)}, or {@code lstat(2)} unless {@code followLinks}. */
	int stat(byte[] path, boolean followLinks, StatBuffer into);

	int mkfifo(byte[] path, int mode);

	int flock(int fd, int operation);

	int kill(int pid, int signal);

	/** {@code pread(2)}; {@code length} is at most {@code buffer.length}. */
	int pread(int fd, byte[] buffer, int length, long offset);

	/** {@code pwrite(2)}; {@code length} is at most {@code bytes.length}. */
	int pwrite(int fd, byte[] bytes, int length, long offset);

	int ftruncate(int fd, long length);

	int fchmod(int fd, int mode);

	/**
	 * Look a user's uid up by name with {@code getpwnam_r(3)}, which may ask a directory
	 * service; {@code -ENOENT} when no user has that name.
	 */
	long userId(byte[] name);

	/** {@code geteuid(2)}, which cannot fail. */
	int geteuid();

}
