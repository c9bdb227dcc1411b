package io.github.fifoliveness.posix;

/**
 * The Linux calls behind {@link KernelEvents}, bound only where {@link LinuxSyscallTable}
 * knows the platform. Each returns, on failure, the negated errno of that very call.
 */
interface EventSyscalls extends SocketSyscalls {

	int EPOLL_CTL_ADD = 1;

	int EPOLL_CTL_DEL = 2;

	/** {@code RLIMIT_NOFILE} on x86_64 and aarch64. */
	int RLIMIT_NOFILE = 7;

	long RLIM_INFINITY = -1L;

	int epollCreate(int flags);

	int epollCtl(int epfd, int op, int fd, byte[] event);

	int epollWait(int epfd, byte[] events, int maxEvents, int timeoutMillis);

	int inotifyInit(int flags);

	int inotifyAddWatch(int fd, byte[] path, int mask);

	int inotifyRmWatch(int fd, int wd);

	int eventfd(int initialValue, int flags);

	int pidfdOpen(int pid);

	int write(int fd, byte[] buffer);

	/** The soft {@code RLIMIT_NOFILE}, {@link Long#MAX_VALUE} when unlimited. */
	long openFileLimit();

}
