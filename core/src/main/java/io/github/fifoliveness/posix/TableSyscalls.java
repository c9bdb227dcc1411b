package io.github.fifoliveness.posix;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;

/**
 * {@link Syscalls} on the Linux architectures that {@link LinuxSyscallTable} knows: every
 * call goes through libc's {@code syscall(3)} with the table's number and the kernel's
 * own {@code struct stat} layout, one native function instead of the hundreds jnr-posix
 * binds on first use, and unlike the wrappers glibc only exports since 2.33.
 */
final class TableSyscalls implements Syscalls {

	static final int EPOLL_CTL_ADD = 1;

	// RLIMIT_NOFILE on x86_64 and aarch64.
	static final int RLIMIT_NOFILE = 7;

	static final long RLIM_INFINITY = -1L;

	// A call's path first, then the struct stat that stat and fstat fill.
	private static final int STAT_OFFSET = CallArea.PATH_CAPACITY;

	private final LinuxSyscallTable table;

	private final SyscallGate gate;

	TableSyscalls(LinuxSyscallTable table, SyscallGate gate) {
		this.table = table;
		this.gate = gate;
	}

	@Override
	public NativeImplementation implementation() {
		return this.gate.implementation();
	}

	@Override
	public int open(byte[] path, int flags, int mode) {
		// As the kernel answers beyond PATH_MAX, and the call area stays small.
		if (path.length > CallArea.PATH_CAPACITY) {
			return -PosixConstants.ENAMETOOLONG;
		}
		long address = area().copyIn(path, path.length);
		return (int) call(this.table.openat(), LinuxSyscallTable.AT_FDCWD, address, flags, mode, 0);
	}

	@Override
	public int close(int fd) {
		return (int) call(this.table.close(), fd, 0, 0, 0, 0);
	}

	@Override
	public int fstat(int fd, StatBuffer into) {
		CallArea area = area();
		int result = (int) call(this.table.fstat(), fd, area.address(STAT_OFFSET + this.table.statSize()) + STAT_OFFSET,
				0, 0, 0);
		return (result < 0) ? result : read(area, into);
	}

	@Override
	public int stat(byte[] path, boolean followLinks, StatBuffer into) {
		if (path.length > CallArea.PATH_CAPACITY) {
			return -PosixConstants.ENAMETOOLONG;
		}
		CallArea area = area();
		// Room for the struct stat first: growing would lose the path.
		area.address(STAT_OFFSET + this.table.statSize());
		long address = area.copyIn(path, path.length);
		int flags = followLinks ? 0 : LinuxSyscallTable.AT_SYMLINK_NOFOLLOW;
		int result = (int) call(this.table.newfstatat(), LinuxSyscallTable.AT_FDCWD, address, address + STAT_OFFSET,
				flags, 0);
		return (result < 0) ? result : read(area, into);
	}

	@Override
	public int mkfifo(byte[] path, int mode) {
		if (path.length > CallArea.PATH_CAPACITY) {
			return -PosixConstants.ENAMETOOLONG;
		}
		long address = area().copyIn(path, path.length);
		return (int) call(this.table.mknodat(), LinuxSyscallTable.AT_FDCWD, address, LinuxSyscallTable.S_IFIFO | mode,
				0, 0);
	}

	@Override
	public int flock(int fd, int operation) {
		return (int) call(this.table.flock(), fd, operation, 0, 0, 0);
	}

	@Override
	public int kill(int pid, int signal) {
		return (int) call(this.table.kill(), pid, signal, 0, 0, 0);
	}

	@Override
	public int pread(int fd, byte[] buffer, int length, long offset) {
		CallArea area = area();
		int result = (int) call(this.table.pread64(), fd, area.address(length), length, offset, 0);
		if (result > 0) {
			area.copyOut(buffer, result);
		}
		return result;
	}

	@Override
	public int pwrite(int fd, byte[] bytes, int length, long offset) {
		long address = area().copyIn(bytes, length);
		return (int) call(this.table.pwrite64(), fd, address, length, offset, 0);
	}

	@Override
	public int ftruncate(int fd, long length) {
		return (int) call(this.table.ftruncate(), fd, length, 0, 0, 0);
	}

	// An area of its own, as the entry may need up to a megabyte that a thread should not
	// keep: the name, the struct passwd, the pointer to it, then room for its strings.
	@Override
	public long userId(byte[] name) {
		int entry = align(name.length);
		int found = align(entry + LinuxSyscallTable.PASSWD_SIZE);
		int strings = found + Long.BYTES;
		// getpwnam_r reports ERANGE until the buffer holds the whole entry.
		for (int size = 1024; size <= 1024 * 1024; size *= 4) {
			CallArea area = new CallArea(this.gate, strings + size);
			long base = area.copyIn(name, name.length);
			int error = this.gate.getpwnam(base, base + entry, base + strings, size, base + found);
			ByteBuffer bytes = area.bytes();
			// Until here: the buffer must outlive the call.
			Reference.reachabilityFence(area);
			if (error == 0) {
				return (bytes.getLong(found) != 0)
						? Integer.toUnsignedLong(bytes.getInt(entry + LinuxSyscallTable.PASSWD_UID_OFFSET))
						: -PosixConstants.ENOENT;
			}
			if (error != PosixConstants.ERANGE) {
				return -error;
			}
		}
		return -PosixConstants.ERANGE;
	}

	@Override
	public int geteuid() {
		return (int) call(this.table.geteuid(), 0, 0, 0, 0, 0);
	}

	int epollCreate(int flags) {
		return (int) call(this.table.epollCreate1(), flags, 0, 0, 0, 0);
	}

	int epollCtl(int epfd, int op, int fd, byte[] event) {
		long address = area().copyIn(event, event.length);
		return (int) call(this.table.epollCtl(), epfd, op, fd, address, 0);
	}

	int epollWait(int epfd, byte[] events, int maxEvents, int timeoutMillis) {
		CallArea area = area();
		// No signal mask: epoll_pwait then waits as epoll_wait does, which arm64 lacks.
		int count = (int) call(this.table.epollPwait(), epfd, area.address(events.length), maxEvents, timeoutMillis, 0);
		if (count > 0) {
			area.copyOut(events, Math.min(events.length, count * this.table.epollEvent().size()));
		}
		return count;
	}

	int inotifyInit(int flags) {
		return (int) call(this.table.inotifyInit1(), flags, 0, 0, 0, 0);
	}

	int inotifyAddWatch(int fd, byte[] path, int mask) {
		if (path.length > CallArea.PATH_CAPACITY) {
			return -PosixConstants.ENAMETOOLONG;
		}
		long address = area().copyIn(path, path.length);
		return (int) call(this.table.inotifyAddWatch(), fd, address, mask & 0xFFFFFFFFL, 0, 0);
	}

	int inotifyRmWatch(int fd, int wd) {
		return (int) call(this.table.inotifyRmWatch(), fd, wd, 0, 0, 0);
	}

	int eventfd(int initialValue, int flags) {
		return (int) call(this.table.eventfd2(), initialValue, flags, 0, 0, 0);
	}

	int pidfdOpen(int pid) {
		return (int) call(this.table.pidfdOpen(), pid, 0, 0, 0, 0);
	}

	@Override
	public int read(int fd, byte[] buffer) {
		CallArea area = area();
		int count = (int) call(this.table.read(), fd, area.address(buffer.length), buffer.length, 0, 0);
		if (count > 0) {
			area.copyOut(buffer, count);
		}
		return count;
	}

	int write(int fd, byte[] buffer) {
		long address = area().copyIn(buffer, buffer.length);
		return (int) call(this.table.write(), fd, address, buffer.length, 0, 0);
	}

	@Override
	public int socket(int domain, int type) {
		return (int) call(this.table.socket(), domain, type, 0, 0, 0);
	}

	@Override
	public int bind(int fd, byte[] address) {
		long buffer = area().copyIn(address, address.length);
		return (int) call(this.table.bind(), fd, buffer, address.length, 0, 0);
	}

	@Override
	public int sendto(int fd, byte[] message, byte[] address) {
		CallArea area = area();
		// The message first, then the address, aligned as the buffer is.
		int addressOffset = (message.length + 15) & ~15;
		long buffer = area.address(addressOffset + address.length);
		area.bytes().put(0, message).put(addressOffset, address);
		return (int) this.gate.call6(this.table.sendto(), fd, buffer, message.length, MSG_NOSIGNAL,
				buffer + addressOffset, address.length);
	}

	long openFileLimit() {
		CallArea area = area();
		// prlimit64(0: this process, resource, no new limit, the old one here).
		long result = call(this.table.prlimit64(), 0, RLIMIT_NOFILE, 0, area.address(16), 0);
		if (result < 0) {
			return result;
		}
		long soft = area.bytes().getLong(0);
		return (soft == RLIM_INFINITY) ? Long.MAX_VALUE : soft;
	}

	EpollEventLayout epollEvent() {
		return this.table.epollEvent();
	}

	private CallArea area() {
		return CallArea.current(this.gate);
	}

	private long call(long number, long a1, long a2, long a3, long a4, long a5) {
		return this.gate.call(number, a1, a2, a3, a4, a5);
	}

	private int read(CallArea area, StatBuffer into) {
		ByteBuffer stat = area.bytes();
		into.modifiedSeconds = stat.getLong(STAT_OFFSET + this.table.statModifiedOffset());
		into.device = stat.getLong(STAT_OFFSET + LinuxSyscallTable.STAT_DEVICE_OFFSET);
		into.inode = stat.getLong(STAT_OFFSET + LinuxSyscallTable.STAT_INODE_OFFSET);
		into.mode = stat.getInt(STAT_OFFSET + this.table.statModeOffset());
		into.ownerUid = stat.getInt(STAT_OFFSET + this.table.statUidOffset());
		return 0;
	}

	private static int align(int offset) {
		return (offset + 15) & ~15;
	}

}
