package io.github.fifoliveness.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@link EventSyscalls} through Java's foreign function API (JDK 22 and later), on the
 * Linux architectures that {@link LinuxSyscallTable} knows. Like {@code ForeignSyscalls},
 * every call goes through one downcall handle to libc's {@code syscall(3)}, with errno
 * captured by the call itself; none is marked critical, since {@code epoll_pwait} blocks.
 * <p>
 * Only in {@code META-INF/versions/22} of the multi-release jar, created by
 * {@link ForeignBindings}: Java 17 to 21 never see this class.
 */
final class ForeignEventSyscalls implements EventSyscalls {

	private static final long PATH_CAPACITY = 4096;

	private static final int ENAMETOOLONG = PosixConstants.current().enametoolong();

	private final LinuxSyscallTable table;

	// Per thread: the watcher's own, and whichever thread wakes it.
	private final ThreadLocal<CallArea> area = ThreadLocal.withInitial(CallArea::new);

	ForeignEventSyscalls(LinuxSyscallTable table) {
		this.table = table;
	}

	@Override
	public int epollCreate(int flags) {
		return (int) call(this.area.get(), this.table.epollCreate1(), flags, 0, 0, 0, 0);
	}

	@Override
	public int epollCtl(int epfd, int op, int fd, byte[] event) {
		CallArea area = this.area.get();
		MemorySegment buffer = area.buffer(event.length);
		MemorySegment.copy(event, 0, buffer, ValueLayout.JAVA_BYTE, 0, event.length);
		return (int) call(area, this.table.epollCtl(), epfd, op, fd, buffer.address(), 0);
	}

	@Override
	public int epollWait(int epfd, byte[] events, int maxEvents, int timeoutMillis) {
		CallArea area = this.area.get();
		MemorySegment buffer = area.buffer(events.length);
		// No signal mask: epoll_pwait then waits as epoll_wait does, which arm64 lacks.
		int count = (int) call(area, this.table.epollPwait(), epfd, buffer.address(), maxEvents, timeoutMillis, 0);
		if (count > 0) {
			MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, events, 0,
					Math.min(events.length, count * this.table.epollEvent().size()));
		}
		return count;
	}

	@Override
	public int inotifyInit(int flags) {
		return (int) call(this.area.get(), this.table.inotifyInit1(), flags, 0, 0, 0, 0);
	}

	@Override
	public int inotifyAddWatch(int fd, byte[] path, int mask) {
		if (path.length > PATH_CAPACITY) {
			return -ENAMETOOLONG;
		}
		CallArea area = this.area.get();
		MemorySegment buffer = area.buffer(path.length);
		MemorySegment.copy(path, 0, buffer, ValueLayout.JAVA_BYTE, 0, path.length);
		return (int) call(area, this.table.inotifyAddWatch(), fd, buffer.address(), mask & 0xFFFFFFFFL, 0, 0);
	}

	@Override
	public int inotifyRmWatch(int fd, int wd) {
		return (int) call(this.area.get(), this.table.inotifyRmWatch(), fd, wd, 0, 0, 0);
	}

	@Override
	public int eventfd(int initialValue, int flags) {
		return (int) call(this.area.get(), this.table.eventfd2(), initialValue, flags, 0, 0, 0);
	}

	@Override
	public int pidfdOpen(int pid) {
		return (int) call(this.area.get(), this.table.pidfdOpen(), pid, 0, 0, 0, 0);
	}

	@Override
	public int read(int fd, byte[] buffer) {
		CallArea area = this.area.get();
		MemorySegment copy = area.buffer(buffer.length);
		int count = (int) call(area, this.table.read(), fd, copy.address(), buffer.length, 0, 0);
		if (count > 0) {
			MemorySegment.copy(copy, ValueLayout.JAVA_BYTE, 0, buffer, 0, count);
		}
		return count;
	}

	@Override
	public int write(int fd, byte[] buffer) {
		CallArea area = this.area.get();
		MemorySegment copy = area.buffer(buffer.length);
		MemorySegment.copy(buffer, 0, copy, ValueLayout.JAVA_BYTE, 0, buffer.length);
		return (int) call(area, this.table.write(), fd, copy.address(), buffer.length, 0, 0);
	}

	@Override
	public int close(int fd) {
		return (int) call(this.area.get(), this.table.close(), fd, 0, 0, 0, 0);
	}

	@Override
	public int socket(int domain, int type) {
		return (int) call(this.area.get(), this.table.socket(), domain, type, 0, 0, 0);
	}

	@Override
	public int bind(int fd, byte[] address) {
		CallArea area = this.area.get();
		MemorySegment buffer = area.buffer(address.length);
		MemorySegment.copy(address, 0, buffer, ValueLayout.JAVA_BYTE, 0, address.length);
		return (int) call(area, this.table.bind(), fd, buffer.address(), address.length, 0, 0);
	}

	@Override
	public int sendto(int fd, byte[] message, byte[] address) {
		CallArea area = this.area.get();
		// The address first, aligned as the buffer is; the message after it.
		long messageOffset = (address.length + 15) & ~15L;
		MemorySegment buffer = area.buffer(messageOffset + message.length);
		MemorySegment.copy(address, 0, buffer, ValueLayout.JAVA_BYTE, 0, address.length);
		MemorySegment.copy(message, 0, buffer, ValueLayout.JAVA_BYTE, messageOffset, message.length);
		// sendto(fd, buf, len, flags, dest_addr, addrlen): six arguments, the last in a6.
		return (int) ForeignSyscall.call(area.callState, this.table.sendto(), fd, buffer.address() + messageOffset,
				message.length, MSG_NOSIGNAL, buffer.address(), address.length);
	}

	@Override
	public long openFileLimit() {
		CallArea area = this.area.get();
		MemorySegment limits = area.buffer(16);
		// prlimit64(0: this process, resource, no new limit, the old one here).
		long result = call(area, this.table.prlimit64(), 0, RLIMIT_NOFILE, 0, limits.address(), 0);
		if (result < 0) {
			return result;
		}
		long soft = limits.get(ValueLayout.JAVA_LONG, 0);
		return (soft == RLIM_INFINITY) ? Long.MAX_VALUE : soft;
	}

	private static long call(CallArea area, long number, long a1, long a2, long a3, long a4, long a5) {
		return ForeignSyscall.call(area.callState, number, a1, a2, a3, a4, a5);
	}

	/**
	 * One thread's native memory: the captured call state and a buffer that grows to the
	 * largest request (an inotify read: 64 KB). Freed by the garbage collector once its
	 * thread is gone.
	 */
	private static final class CallArea {

		final MemorySegment callState = ForeignSyscall.callState(Arena.ofAuto());

		private MemorySegment buffer = Arena.ofAuto().allocate(PATH_CAPACITY, 16);

		MemorySegment buffer(long size) {
			if (size > this.buffer.byteSize()) {
				this.buffer = Arena.ofAuto().allocate(size, 16);
			}
			return this.buffer;
		}

	}

}
