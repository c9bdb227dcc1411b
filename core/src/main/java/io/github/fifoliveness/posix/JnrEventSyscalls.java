package io.github.fifoliveness.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * {@link EventSyscalls} from libc through jnr-ffi (jnr-posix has none of them), for the
 * notify socket where {@link LinuxSyscallTable} does not know the platform. Arrays are
 * copied, never pinned: {@code epoll_wait} blocks.
 */
final class JnrEventSyscalls implements EventSyscalls {

	private final LibC libc;

	private final Runtime runtime;

	private JnrEventSyscalls(LibC libc) {
		this.libc = libc;
		this.runtime = Runtime.getRuntime(libc);
	}

	static EventSyscalls load() {
		return new JnrEventSyscalls(
				LibraryLoader.create(LibC.class).load(Platform.getNativePlatform().getStandardCLibraryName()));
	}

	@Override
	public int epollCreate(int flags) {
		return result(this.libc.epoll_create1(flags));
	}

	@Override
	public int epollCtl(int epfd, int op, int fd, byte[] event) {
		return result(this.libc.epoll_ctl(epfd, op, fd, event));
	}

	@Override
	public int epollWait(int epfd, byte[] events, int maxEvents, int timeoutMillis) {
		return result(this.libc.epoll_wait(epfd, events, maxEvents, timeoutMillis));
	}

	@Override
	public int inotifyInit(int flags) {
		return result(this.libc.inotify_init1(flags));
	}

	@Override
	public int inotifyAddWatch(int fd, byte[] path, int mask) {
		return result(this.libc.inotify_add_watch(fd, path, mask));
	}

	@Override
	public int inotifyRmWatch(int fd, int wd) {
		return result(this.libc.inotify_rm_watch(fd, wd));
	}

	@Override
	public int eventfd(int initialValue, int flags) {
		return result(this.libc.eventfd(initialValue, flags));
	}

	@Override
	public int pidfdOpen(int pid) {
		// Through syscall(2): glibc has a pidfd_open wrapper only since 2.36.
		return (int) result(this.libc.syscall(LinuxSyscallTable.PIDFD_OPEN, pid, 0));
	}

	@Override
	public int read(int fd, byte[] buffer) {
		return (int) result(this.libc.read(fd, buffer, buffer.length));
	}

	@Override
	public int write(int fd, byte[] buffer) {
		return (int) result(this.libc.write(fd, buffer, buffer.length));
	}

	@Override
	public int close(int fd) {
		return result(this.libc.close(fd));
	}

	@Override
	public int socket(int domain, int type) {
		return result(this.libc.socket(domain, type, 0));
	}

	@Override
	public int bind(int fd, byte[] address) {
		return result(this.libc.bind(fd, address, address.length));
	}

	@Override
	public int sendto(int fd, byte[] message, byte[] address) {
		return (int) result(this.libc.sendto(fd, message, message.length, MSG_NOSIGNAL, address, address.length));
	}

	@Override
	public long openFileLimit() {
		long[] limits = new long[2];
		int result = result(this.libc.getrlimit(RLIMIT_NOFILE, limits));
		if (result < 0) {
			return result;
		}
		return (limits[0] == RLIM_INFINITY) ? Long.MAX_VALUE : limits[0];
	}

	// jnr-ffi saves errno right after each call, on the calling thread.
	private int result(int value) {
		return (value < 0) ? -this.runtime.getLastError() : value;
	}

	private long result(long value) {
		return (value < 0) ? -this.runtime.getLastError() : value;
	}

	/** The libc functions bound, with C's names. */
	public interface LibC {

		int epoll_create1(int flags);

		int epoll_ctl(int epfd, int op, int fd, @In byte[] event);

		int epoll_wait(int epfd, @Out byte[] events, int maxevents, int timeout);

		int inotify_init1(int flags);

		int inotify_add_watch(int fd, @In byte[] pathname, int mask);

		int inotify_rm_watch(int fd, int wd);

		int eventfd(int initval, int flags);

		// Variadic in C; integer arguments pass the same way on x86_64 and aarch64 Linux.
		long syscall(long number, long first, long second);

		@ssize_t
		long read(int fd, @Out byte[] buf, @size_t long count);

		@ssize_t
		long write(int fd, @In byte[] buf, @size_t long count);

		int close(int fd);

		int getrlimit(int resource, @Out long[] rlim);

		int socket(int domain, int type, int protocol);

		int bind(int fd, @In byte[] addr, int addrlen);

		@ssize_t
		long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrlen);

	}

}
