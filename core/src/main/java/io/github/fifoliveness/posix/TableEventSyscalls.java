package io.github.fifoliveness.posix;

/**
 * {@link EventSyscalls} through libc's {@code syscall(3)} with
 * {@link LinuxSyscallTable}'s numbers, as {@link TableSyscalls} makes the others, so that
 * neither jnr-ffi nor jnr-posix is loaded. Arrays are copied to native memory and back
 * around each call, never pinned: {@code epoll_pwait} blocks.
 */
final class TableEventSyscalls implements EventSyscalls {

	private static final int ENAMETOOLONG = PosixConstants.current().enametoolong();

	private final LinuxSyscallTable table;

	private final SyscallGate gate;

	TableEventSyscalls(LinuxSyscallTable table, SyscallGate gate) {
		this.table = table;
		this.gate = gate;
	}

	@Override
	public int epollCreate(int flags) {
		return (int) call(this.table.epollCreate1(), flags, 0, 0, 0, 0);
	}

	@Override
	public int epollCtl(int epfd, int op, int fd, byte[] event) {
		long address = CallArea.current(this.gate).copyIn(event, event.length);
		return (int) call(this.table.epollCtl(), epfd, op, fd, address, 0);
	}

	@Override
	public int epollWait(int epfd, byte[] events, int maxEvents, int timeoutMillis) {
		CallArea area = CallArea.current(this.gate);
		// No signal mask: epoll_pwait then waits as epoll_wait does, which arm64 lacks.
		int count = (int) call(this.table.epollPwait(), epfd, area.address(events.length), maxEvents, timeoutMillis, 0);
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
		if (path.length > CallArea.PATH_CAPACITY) {
			return -ENAMETOOLONG;
		}
		long address = CallArea.current(this.gate).copyIn(path, path.length);
		return (int) call(this.table.inotifyAddWatch(), fd, address, mask & 0xFFFFFFFFL, 0, 0);
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
		CallArea area = CallArea.current(this.gate);
		int count = (int) call(this.table.read(), fd, area.address(buffer.length), buffer.length, 0, 0);
		if (count > 0) {
			area.copyOut(buffer, count);
		}
		return count;
	}

	@Override
	public int write(int fd, byte[] buffer) {
		long address = CallArea.current(this.gate).copyIn(buffer, buffer.length);
		return (int) call(this.table.write(), fd, address, buffer.length, 0, 0);
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
		long buffer = CallArea.current(this.gate).copyIn(address, address.length);
		return (int) call(this.table.bind(), fd, buffer, address.length, 0, 0);
	}

	@Override
	public int sendto(int fd, byte[] message, byte[] address) {
		CallArea area = CallArea.current(this.gate);
		// The message first, then the address, aligned as the buffer is.
		int addressOffset = (message.length + 15) & ~15;
		long buffer = area.address(addressOffset + address.length);
		area.bytes().put(0, message).put(addressOffset, address);
		return (int) this.gate.call6(this.table.sendto(), fd, buffer, message.length, MSG_NOSIGNAL,
				buffer + addressOffset, address.length);
	}

	@Override
	public long openFileLimit() {
		CallArea area = CallArea.current(this.gate);
		// prlimit64(0: this process, resource, no new limit, the old one here).
		long result = call(this.table.prlimit64(), 0, RLIMIT_NOFILE, 0, area.address(16), 0);
		if (result < 0) {
			return result;
		}
		long soft = area.bytes().getLong(0);
		return (soft == RLIM_INFINITY) ? Long.MAX_VALUE : soft;
	}

	private long call(long number, long a1, long a2, long a3, long a4, long a5) {
		return this.gate.call(number, a1, a2, a3, a4, a5);
	}

}
