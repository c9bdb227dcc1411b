package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.kenai.jffi.MemoryIO;

/**
 * {@link EventSyscalls} through jffi, on JDK 17 to 21 on the Linux architectures that
 * {@link LinuxSyscallTable} knows. Call by call what {@code ForeignEventSyscalls} does on
 * JDK 22 and later: every call goes through libc's {@code syscall(3)}
 * ({@link JffiSyscall}) with the table's numbers, so neither jnr-ffi nor jnr-posix is
 * loaded. Arrays are copied to native memory and back around each call, never pinned:
 * {@code epoll_pwait} blocks.
 */
final class JffiEventSyscalls implements EventSyscalls {

	private static final int PATH_CAPACITY = 4096;

	private static final int ENAMETOOLONG = PosixConstants.current().enametoolong();

	private final LinuxSyscallTable table;

	private final JffiSyscall syscall;

	private final MemoryIO memory = MemoryIO.getInstance();

	// Per thread: the watcher's own, and whichever thread wakes it.
	private final ThreadLocal<CallArea> area = ThreadLocal.withInitial(() -> new CallArea(this.memory));

	private JffiEventSyscalls(LinuxSyscallTable table, JffiSyscall syscall) {
		this.table = table;
		this.syscall = syscall;
	}

	/**
	 * Load jffi's native stub and find {@code syscall} in the process's libc.
	 * @param table the system calls of this architecture
	 * @return the system calls
	 * @throws RuntimeException or {@link LinkageError} if jffi's stub cannot be loaded
	 */
	static EventSyscalls load(LinuxSyscallTable table) {
		return new JffiEventSyscalls(table, JffiSyscall.load());
	}

	@Override
	public int epollCreate(int flags) {
		return (int) call(this.table.epollCreate1(), flags, 0, 0, 0, 0);
	}

	@Override
	public int epollCtl(int epfd, int op, int fd, byte[] event) {
		long buffer = this.area.get().copyIn(event);
		return (int) call(this.table.epollCtl(), epfd, op, fd, buffer, 0);
	}

	@Override
	public int epollWait(int epfd, byte[] events, int maxEvents, int timeoutMillis) {
		CallArea area = this.area.get();
		long buffer = area.buffer(events.length);
		// No signal mask: epoll_pwait then waits as epoll_wait does, which arm64 lacks.
		int count = (int) call(this.table.epollPwait(), epfd, buffer, maxEvents, timeoutMillis, 0);
		if (count > 0) {
			area.copyOut(events, Math.min(events.length, count * this.table.epollEvent().size()));
		}
		return count;
	}

	@Override
	public int inotifyInit(int flags) {
		return (int) call(this.table.inotifyInit1(), flags, 0, 0, 0, 0);
	}

	@Override
	public int inotifyAddWatch(int fd, byte[] path, int mask) {
		if (path.length > PATH_CAPACITY) {
			return -ENAMETOOLONG;
		}
		long buffer = this.area.get().copyIn(path);
		return (int) call(this.table.inotifyAddWatch(), fd, buffer, mask & 0xFFFFFFFFL, 0, 0);
	}

	@Override
	public int inotifyRmWatch(int fd, int wd) {
		return (int) call(this.table.inotifyRmWatch(), fd, wd, 0, 0, 0);
	}

	@Override
	public int eventfd(int initialValue, int flags) {
		return (int) call(this.table.eventfd2(), initialValue, flags, 0, 0, 0);
	}

	@Override
	public int pidfdOpen(int pid) {
		return (int) call(this.table.pidfdOpen(), pid, 0, 0, 0, 0);
	}

	@Override
	public int read(int fd, byte[] buffer) {
		CallArea area = this.area.get();
		long copy = area.buffer(buffer.length);
		int count = (int) call(this.table.read(), fd, copy, buffer.length, 0, 0);
		if (count > 0) {
			area.copyOut(buffer, count);
		}
		return count;
	}

	@Override
	public int write(int fd, byte[] buffer) {
		long copy = this.area.get().copyIn(buffer);
		return (int) call(this.table.write(), fd, copy, buffer.length, 0, 0);
	}

	@Override
	public int close(int fd) {
		return (int) call(this.table.close(), fd, 0, 0, 0, 0);
	}

	@Override
	public int socket(int domain, int type) {
		return (int) call(this.table.socket(), domain, type, 0, 0, 0);
	}

	@Override
	public int bind(int fd, byte[] address) {
		long buffer = this.area.get().copyIn(address);
		return (int) call(this.table.bind(), fd, buffer, address.length, 0, 0);
	}

	@Override
	public int sendto(int fd, byte[] message, byte[] address) {
		CallArea area = this.area.get();
		// The address first, aligned as the buffer is; the message after it.
		int messageOffset = (address.length + 15) & ~15;
		long buffer = area.buffer(messageOffset + message.length);
		this.memory.putByteArray(buffer, address, 0, address.length);
		this.memory.putByteArray(buffer + messageOffset, message, 0, message.length);
		// sendto(fd, buf, len, flags, dest_addr, addrlen): six arguments.
		return (int) this.syscall.call(this.table.sendto(), fd, buffer + messageOffset, message.length, MSG_NOSIGNAL,
				buffer, address.length);
	}

	@Override
	public long openFileLimit() {
		CallArea area = this.area.get();
		long limits = area.buffer(16);
		// prlimit64(0: this process, resource, no new limit, the old one here).
		long result = call(this.table.prlimit64(), 0, RLIMIT_NOFILE, 0, limits, 0);
		if (result < 0) {
			return result;
		}
		long soft = this.memory.getLong(limits);
		return (soft == RLIM_INFINITY) ? Long.MAX_VALUE : soft;
	}

	private long call(long number, long a1, long a2, long a3, long a4, long a5) {
		return this.syscall.call(number, a1, a2, a3, a4, a5);
	}

	/**
	 * One thread's native memory: a direct buffer that grows to the largest request (an
	 * inotify read: 64 KB). The thread local keeps it reachable during each call; the
	 * garbage collector frees it once its thread is gone.
	 */
	private static final class CallArea {

		private final MemoryIO memory;

		private ByteBuffer buffer;

		private long address;

		CallArea(MemoryIO memory) {
			this.memory = memory;
			allocate(PATH_CAPACITY);
		}

		long buffer(int size) {
			if (size > this.buffer.capacity()) {
				allocate(size);
			}
			return this.address;
		}

		long copyIn(byte[] bytes) {
			long address = buffer(bytes.length);
			this.memory.putByteArray(address, bytes, 0, bytes.length);
			return address;
		}

		void copyOut(byte[] into, int length) {
			this.memory.getByteArray(this.address, into, 0, length);
		}

		private void allocate(int size) {
			// From malloc: aligned for any type, such as epoll_event's and rlimit's.
			this.buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
			this.address = this.memory.getDirectBufferAddress(this.buffer);
		}

	}

}
