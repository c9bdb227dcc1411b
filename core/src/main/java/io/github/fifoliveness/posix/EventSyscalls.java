package io.github.fifoliveness.posix;

/**
 * The Linux calls behind {@link KernelEvents} and {@link NotifySocket}. Each returns, on
 * failure, the negated errno of that very call, which nothing in between can overwrite.
 */
interface EventSyscalls {

	// The kernel defines EPOLL_, IN_, EFD_ and SOCK_CLOEXEC as O_CLOEXEC, and IN_,
	// EFD_ and SOCK_NONBLOCK as O_NONBLOCK.
	int CLOEXEC = PosixConstants.current().oCloexec();

	int NONBLOCK = PosixConstants.current().oNonblock();

	int EPOLL_CTL_ADD = 1;

	int EPOLL_CTL_DEL = 2;

	/** {@code RLIMIT_NOFILE} on x86_64 and aarch64. */
	int RLIMIT_NOFILE = 7;

	long RLIM_INFINITY = -1L;

	int AF_UNIX = 1;

	/** {@code SOCK_DGRAM} on x86_64 and aarch64. */
	int SOCK_DGRAM = 2;

	int SOCK_CLOEXEC_NONBLOCK = CLOEXEC | NONBLOCK;

	int MSG_NOSIGNAL = 0x4000;

	int SUN_PATH_OFFSET = 2;

	int SUN_PATH_SIZE = 108;

	int epollCreate(int flags);

	int epollCtl(int epfd, int op, int fd, byte[] event);

	int epollWait(int epfd, byte[] events, int maxEvents, int timeoutMillis);

	int inotifyInit(int flags);

	int inotifyAddWatch(int fd, byte[] path, int mask);

	int inotifyRmWatch(int fd, int wd);

	int eventfd(int initialValue, int flags);

	int pidfdOpen(int pid);

	int read(int fd, byte[] buffer);

	int write(int fd, byte[] buffer);

	int close(int fd);

	int socket(int domain, int type);

	/** The {@code address} is a {@code struct sockaddr}, as long as the address is. */
	int bind(int fd, byte[] address);

	/** One datagram, with {@link #MSG_NOSIGNAL}; the {@code address} as for bind. */
	int sendto(int fd, byte[] message, byte[] address);

	/** The soft {@code RLIMIT_NOFILE}, {@link Long#MAX_VALUE} when unlimited. */
	long openFileLimit();

}
