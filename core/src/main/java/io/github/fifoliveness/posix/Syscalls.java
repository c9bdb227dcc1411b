package io.github.fifoliveness.posix;

/**
 * The system calls fifo-liveness makes, one method per call and nothing composite:
 * {@link NativePosix} builds the rest, shared by every implementation. A result of zero
 * or more is the call's result, a negative one the errno of that very call, negated, so
 * the error can never come from another call made in between. Paths are NUL-terminated.
 */
interface Syscalls {

	// The kernel defines EPOLL_, IN_, EFD_ and SOCK_CLOEXEC as O_CLOEXEC, and IN_,
	// EFD_ and SOCK_NONBLOCK as O_NONBLOCK.
	int CLOEXEC = PosixConstants.current().oCloexec();

	int NONBLOCK = PosixConstants.current().oNonblock();

	int AF_UNIX = 1;

	/** {@code SOCK_DGRAM} on x86_64 and aarch64. */
	int SOCK_DGRAM = 2;

	int SOCK_CLOEXEC_NONBLOCK = CLOEXEC | NONBLOCK;

	int MSG_NOSIGNAL = 0x4000;

	int SUN_PATH_OFFSET = 2;

	int SUN_PATH_SIZE = 108;

	// The notify socket's.
	int socket(int domain, int type);

	/** The {@code address} is a {@code struct sockaddr}, as long as the address is. */
	int bind(int fd, byte[] address);

	/** One datagram, with {@link #MSG_NOSIGNAL}; the {@code address} as for bind. */
	int sendto(int fd, byte[] message, byte[] address);

	int read(int fd, byte[] buffer);

	int close(int fd);

	NativeImplementation implementation();

	int open(byte[] path, int flags, int mode);

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

	/**
	 * Look a user's uid up by name with {@code getpwnam_r(3)}, which may ask a directory
	 * service; {@code -ENOENT} when no user has that name.
	 */
	long userId(byte[] name);

	/** {@code geteuid(2)}, which cannot fail. */
	int geteuid();

}
