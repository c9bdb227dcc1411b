package io.github.fifoliveness.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * {@link Syscalls} through Java's foreign function API (JDK 22 and later), on the Linux
 * architectures that {@link LinuxSyscallTable} knows.
 * <p>
 * Every call goes through one downcall handle to libc's {@code syscall(3)}: one handle
 * means one generated binding, which is most of the foreign function API's start-up cost,
 * and the kernel's {@code struct stat} layout is fixed per architecture, unlike the
 * wrappers glibc only exports since 2.33. errno is captured by the call itself
 * ({@code captureCallState}). No call is marked critical: an {@code open} on a network or
 * FUSE file system can block, and must not hold up the JVM's safepoints meanwhile.
 * <p>
 * Only in {@code META-INF/versions/22} of the multi-release jar, created by
 * {@link ForeignBindings}: Java 17 to 21 never see this class.
 */
final class ForeignSyscalls implements Syscalls {

	private static final long PATH_CAPACITY = 4096;

	private static final int ENAMETOOLONG = PosixConstants.current().enametoolong();

	private static final int ENOENT = PosixConstants.current().enoent();

	private static final int ERANGE = PosixConstants.current().erange();

	private final LinuxSyscallTable table;

	// Per thread, so that calls allocate nothing.
	private final ThreadLocal<CallArea> area;

	ForeignSyscalls(LinuxSyscallTable table) {
		this.table = table;
		this.area = ThreadLocal.withInitial(() -> new CallArea(table.statSize()));
		// Links the downcalls now, so that denied native access fails the load, not a
		// later call.
		this.area.get();
	}

	@Override
	public NativeImplementation implementation() {
		return NativeImplementation.FFM;
	}

	@Override
	public int open(byte[] path, int flags, int mode) {
		CallArea area = this.area.get();
		if (!area.copyPath(path)) {
			return -ENAMETOOLONG;
		}
		return (int) call(area, this.table.openat(), LinuxSyscallTable.AT_FDCWD, area.pathAddress, flags, mode, 0);
	}

	@Override
	public int close(int fd) {
		return (int) call(this.area.get(), this.table.close(), fd, 0, 0, 0, 0);
	}

	@Override
	public int fstat(int fd, StatBuffer into) {
		CallArea area = this.area.get();
		int result = (int) call(area, this.table.fstat(), fd, area.statAddress, 0, 0, 0);
		return (result < 0) ? result : read(area, into);
	}

	@Override
	public int stat(byte[] path, boolean followLinks, StatBuffer into) {
		CallArea area = this.area.get();
		if (!area.copyPath(path)) {
			return -ENAMETOOLONG;
		}
		int flags = followLinks ? 0 : LinuxSyscallTable.AT_SYMLINK_NOFOLLOW;
		int result = (int) call(area, this.table.newfstatat(), LinuxSyscallTable.AT_FDCWD, area.pathAddress,
				area.statAddress, flags, 0);
		return (result < 0) ? result : read(area, into);
	}

	@Override
	public int mkfifo(byte[] path, int mode) {
		CallArea area = this.area.get();
		if (!area.copyPath(path)) {
			return -ENAMETOOLONG;
		}
		return (int) call(area, this.table.mknodat(), LinuxSyscallTable.AT_FDCWD, area.pathAddress,
				LinuxSyscallTable.S_IFIFO | mode, 0, 0);
	}

	@Override
	public int flock(int fd, int operation) {
		return (int) call(this.area.get(), this.table.flock(), fd, operation, 0, 0, 0);
	}

	@Override
	public int kill(int pid, int signal) {
		return (int) call(this.area.get(), this.table.kill(), pid, signal, 0, 0, 0);
	}

	@Override
	public int pread(int fd, byte[] buffer, int length, long offset) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment bytes = arena.allocate(Math.max(length, 1));
			int result = (int) call(this.area.get(), this.table.pread64(), fd, bytes.address(), length, offset, 0);
			if (result > 0) {
				MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, 0, buffer, 0, result);
			}
			return result;
		}
	}

	@Override
	public int pwrite(int fd, byte[] bytes, int length, long offset) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment source = arena.allocate(Math.max(length, 1));
			MemorySegment.copy(bytes, 0, source, ValueLayout.JAVA_BYTE, 0, length);
			return (int) call(this.area.get(), this.table.pwrite64(), fd, source.address(), length, offset, 0);
		}
	}

	@Override
	public int ftruncate(int fd, long length) {
		return (int) call(this.area.get(), this.table.ftruncate(), fd, length, 0, 0, 0);
	}

	@Override
	public int fchmod(int fd, int mode) {
		return (int) call(this.area.get(), this.table.fchmod(), fd, mode, 0, 0, 0);
	}

	@Override
	public long userId(byte[] name) {
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment user = arena.allocateFrom(ValueLayout.JAVA_BYTE, name);
			MemorySegment entry = arena.allocate(LinuxSyscallTable.PASSWD_SIZE, 8);
			MemorySegment found = arena.allocate(ValueLayout.ADDRESS);
			// getpwnam_r reports ERANGE until the buffer holds the whole entry.
			for (long size = 1024; size <= 1024 * 1024; size *= 4) {
				int error = UserLookup.getpwnam(user, entry, arena.allocate(size), size, found);
				if (error == 0) {
					return (found.get(ValueLayout.ADDRESS, 0).address() != 0) ? Integer
						.toUnsignedLong(entry.get(ValueLayout.JAVA_INT, LinuxSyscallTable.PASSWD_UID_OFFSET)) : -ENOENT;
				}
				if (error != ERANGE) {
					return -error;
				}
			}
			return -ERANGE;
		}
	}

	@Override
	public int geteuid() {
		return (int) call(this.area.get(), this.table.geteuid(), 0, 0, 0, 0, 0);
	}

	private static long call(CallArea area, long number, long a1, long a2, long a3, long a4, long a5) {
		return ForeignSyscall.call(area.callState, number, a1, a2, a3, a4, a5);
	}

	private int read(CallArea area, StatBuffer into) {
		into.modifiedSeconds = area.stat.get(ValueLayout.JAVA_LONG, this.table.statModifiedOffset());
		into.device = area.stat.get(ValueLayout.JAVA_LONG, LinuxSyscallTable.STAT_DEVICE_OFFSET);
		into.inode = area.stat.get(ValueLayout.JAVA_LONG, LinuxSyscallTable.STAT_INODE_OFFSET);
		into.mode = area.stat.get(ValueLayout.JAVA_INT, this.table.statModeOffset());
		into.ownerUid = area.stat.get(ValueLayout.JAVA_INT, this.table.statUidOffset());
		return 0;
	}

	/**
	 * libc's {@code getpwnam_r}, bound on first use only: no system call, but the user
	 * database (files, LDAP, ...) through NSS. It returns the error rather than setting
	 * errno.
	 */
	private static final class UserLookup {

		private static final MethodHandle GETPWNAM_R = ForeignDowncalls.link("getpwnam_r",
				FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
						ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS),
				-1, false);

		static int getpwnam(MemorySegment name, MemorySegment entry, MemorySegment buffer, long size,
				MemorySegment found) {
			try {
				return (int) GETPWNAM_R.invokeExact(name, entry, buffer, size, found);
			}
			catch (Throwable ex) {
				throw new IllegalStateException("getpwnam_r failed to run", ex);
			}
		}

	}

	/**
	 * One thread's native memory: a {@code struct stat}, the captured call state and a
	 * path. Freed by the garbage collector once its thread is gone.
	 */
	private static final class CallArea {

		final MemorySegment stat;

		final MemorySegment callState;

		final MemorySegment path;

		final long statAddress;

		final long pathAddress;

		CallArea(int statSize) {
			Arena arena = Arena.ofAuto();
			this.stat = arena.allocate(statSize, 16);
			this.callState = ForeignSyscall.callState(arena);
			this.path = arena.allocate(PATH_CAPACITY, 16);
			this.statAddress = this.stat.address();
			this.pathAddress = this.path.address();
		}

		boolean copyPath(byte[] bytes) {
			if (bytes.length > PATH_CAPACITY) {
				return false;
			}
			MemorySegment.copy(bytes, 0, this.path, ValueLayout.JAVA_BYTE, 0, bytes.length);
			return true;
		}

	}

}
