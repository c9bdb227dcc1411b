package io.github.fifoliveness.posix;

/**
 * The Linux system calls behind {@link KernelEvents}: epoll, inotify, eventfd, pidfd and
 * the descriptor limit; and behind {@link NotifySocket}: a Unix datagram socket. Each
 * returns what the call returns, or the negated errno of that very call when it fails, so
 * nothing between the call and its caller can overwrite the error. Structures travel as
 * bytes in the platform's layout; {@link EpollEventLayout} and {@link InotifyRecords}
 * read and write them, once for both implementations.
 */
interface EventSyscalls {

	/**
	 * {@code EPOLL_CLOEXEC}, {@code IN_CLOEXEC} and {@code EFD_CLOEXEC}: the kernel
	 * defines them as {@code O_CLOEXEC}.
	 */
	int CLOEXEC = PosixConstants.current().oCloexec();

	/**
	 * {@code IN_NONBLOCK} and {@code EFD_NONBLOCK}: the kernel defines them as
	 * {@code O_NONBLOCK}.
	 */
	int NONBLOCK = PosixConstants.current().oNonblock();

	/** {@code EPOLL_CTL_ADD}. */
	int EPOLL_CTL_ADD = 1;

	/** {@code EPOLL_CTL_DEL}. */
	int EPOLL_CTL_DEL = 2;

	/** {@code RLIMIT_NOFILE} on x86_64 and aarch64. */
	int RLIMIT_NOFILE = 7;

	/** {@code RLIM_INFINITY}: all bits set. */
	long RLIM_INFINITY = -1L;

	/** {@code AF_UNIX}. */
	int AF_UNIX = 1;

	/** {@code SOCK_DGRAM} on x86_64 and aarch64. */
	int SOCK_DGRAM = 2;

	/**
	 * {@code SOCK_CLOEXEC} and {@code SOCK_NONBLOCK}: the kernel defines them as
	 * {@code O_CLOEXEC} and {@code O_NONBLOCK}.
	 */
	int SOCK_CLOEXEC_NONBLOCK = CLOEXEC | NONBLOCK;

	/** {@code MSG_NOSIGNAL}. */
	int MSG_NOSIGNAL = 0x4000;

	/** {@code offsetof(struct sockaddr_un, sun_path)}. */
	int SUN_PATH_OFFSET = 2;

	/** {@code sizeof(((struct sockaddr_un *) 0)->sun_path)}. */
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

	/**
	 * {@code socket(2)}.
	 * @param domain the domain, such as {@link #AF_UNIX}
	 * @param type the type and its flags
	 * @return the descriptor, or the negated errno
	 */
	int socket(int domain, int type);

	/**
	 * {@code bind(2)}.
	 * @param fd the socket
	 * @param address the {@code struct sockaddr} bytes, as long as the address is
	 * @return 0, or the negated errno
	 */
	int bind(int fd, byte[] address);

	/**
	 * {@code sendto(2)} with {@link #MSG_NOSIGNAL}: one datagram.
	 * @param fd the socket
	 * @param message the bytes to send
	 * @param address the {@code struct sockaddr} bytes, as long as the address is
	 * @return the number of bytes sent, or the negated errno
	 */
	int sendto(int fd, byte[] message, byte[] address);

	/**
	 * {@code getrlimit(RLIMIT_NOFILE)}.
	 * @return the soft limit, {@link Long#MAX_VALUE} when unlimited, or the negated errno
	 */
	long openFileLimit();

}
