package io.github.fifoliveness.posix;

/**
 * The Linux calls behind {@link NotifySocket}, also where no {@link LinuxSyscallTable} is
 * known. Each returns, on failure, the negated errno of that very call, which nothing in
 * between can overwrite.
 */
interface SocketSyscalls {

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

	int socket(int domain, int type);

	/** The {@code address} is a {@code struct sockaddr}, as long as the address is. */
	int bind(int fd, byte[] address);

	/** One datagram, with {@link #MSG_NOSIGNAL}; the {@code address} as for bind. */
	int sendto(int fd, byte[] message, byte[] address);

	int read(int fd, byte[] buffer);

	int close(int fd);

}
