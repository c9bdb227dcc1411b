package io.github.fifoliveness.posix;

/**
 * The Linux system calls behind {@link KernelEvents}: epoll, inotify, eventfd, pidfd and
 * the descriptor limit. Each returns what the call returns, or the negated errno of that
 * very call when it fails, so nothing between the call and its caller can overwrite the
 * error. Structures travel as bytes in the platform's layout; {@link EpollEventLayout}
 * and {@link InotifyRecords} read and write them, once for both implementations.
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
	 * {@code getrlimit(RLIMIT_NOFILE)}.
	 * @return the soft limit, {@link Long#MAX_VALUE} when unlimited, or the negated errno
	 */
	long openFileLimit();

}
