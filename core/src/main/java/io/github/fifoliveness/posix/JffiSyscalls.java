package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;

/**
 * {@link Syscalls} through jffi, the native layer beneath jnr-posix, on JDK 17 to 21 on
 * the Linux architectures that {@link LinuxSyscallTable} knows. Like the foreign
 * implementation of JDK 22 and later, every call goes through libc's {@code syscall(3)}
 * with the kernel's own {@code struct stat} layout: one native function instead of the
 * hundreds jnr-posix binds on first use, which cost several hundred milliseconds of CPU
 * at start-up.
 */
final class JffiSyscalls implements Syscalls {

	private static final int PATH_CAPACITY = 4096;

	private static final int ENAMETOOLONG = PosixConstants.current().enametoolong();

	private static final int ENOENT = PosixConstants.current().enoent();

	private static final int ERANGE = PosixConstants.current().erange();

	private final LinuxSyscallTable table;

	private final JffiSyscall syscall;

	private final MemoryIO memory = MemoryIO.getInstance();

	// Per thread, so that calls allocate nothing.
	private final ThreadLocal<CallArea> area;

	private JffiSyscalls(LinuxSyscallTable table, JffiSyscall syscall) {
		this.table = table;
		this.syscall = syscall;
		this.area = ThreadLocal.withInitial(() -> new CallArea(table.statSize(), this.memory));
	}

	/**
	 * Load jffi's native stub and find {@code syscall} in the process's libc.
	 * @param table the system calls of this architecture
	 * @return the system calls
	 * @throws NativePosixUnavailableException if jffi's stub cannot be loaded
	 */
	static JffiSyscalls load(LinuxSyscallTable table) {
		try {
			return new JffiSyscalls(table, JffiSyscall.load());
		}
		catch (RuntimeException | LinkageError ex) {
			throw NativePosixUnavailableException.jnrFailed("jffi failed to load: " + ex, ex);
		}
	}

	@Override
	public NativeImplementation implementation() {
		return NativeImplementation.JNR;
	}

	@Override
	public int open(byte[] path, int flags, int mode) {
		CallArea area = this.area.get();
		if (!area.copyPath(path)) {
			return -ENAMETOOLONG;
		}
		return (int) call(this.table.openat(), LinuxSyscallTable.AT_FDCWD, area.pathAddress, flags, mode, 0);
	}

	@Override
	public int close(int fd) {
		return (int) call(this.table.close(), fd, 0, 0, 0, 0);
	}

	@Override
	public int fstat(int fd, StatBuffer into) {
		CallArea area = this.area.get();
		int result = (int) call(this.table.fstat(), fd, area.statAddress, 0, 0, 0);
		return (result < 0) ? result : read(area, into);
	}

	@Override
	public int stat(byte[] path, boolean followLinks, StatBuffer into) {
		CallArea area = this.area.get();
		if (!area.copyPath(path)) {
			return -ENAMETOOLONG;
		}
		int flags = followLinks ? 0 : LinuxSyscallTable.AT_SYMLINK_NOFOLLOW;
		int result = (int) call(this.table.newfstatat(), LinuxSyscallTable.AT_FDCWD, area.pathAddress, area.statAddress,
				flags, 0);
		return (result < 0) ? result : read(area, into);
	}

	@Override
	public int mkfifo(byte[] path, int mode) {
		CallArea area = this.area.get();
		if (!area.copyPath(path)) {
			return -ENAMETOOLONG;
		}
		return (int) call(this.table.mknodat(), LinuxSyscallTable.AT_FDCWD, area.pathAddress,
				LinuxSyscallTable.S_IFIFO | mode, 0, 0);
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
		long bytes = this.memory.allocateMemory(Math.max(length, 1), false);
		try {
			int result = (int) call(this.table.pread64(), fd, bytes, length, offset, 0);
			if (result > 0) {
				this.memory.getByteArray(bytes, buffer, 0, result);
			}
			return result;
		}
		finally {
			this.memory.freeMemory(bytes);
		}
	}

	@Override
	public int pwrite(int fd, byte[] bytes, int length, long offset) {
		long source = this.memory.allocateMemory(Math.max(length, 1), false);
		try {
			this.memory.putByteArray(source, bytes, 0, length);
			return (int) call(this.table.pwrite64(), fd, source, length, offset, 0);
		}
		finally {
			this.memory.freeMemory(source);
		}
	}

	@Override
	public int ftruncate(int fd, long length) {
		return (int) call(this.table.ftruncate(), fd, length, 0, 0, 0);
	}

	@Override
	public int fchmod(int fd, int mode) {
		return (int) call(this.table.fchmod(), fd, mode, 0, 0, 0);
	}

	@Override
	public long userId(byte[] name) {
		return UserLookup.userId(name, this.syscall.invoker(), this.memory);
	}

	@Override
	public int geteuid() {
		return (int) call(this.table.geteuid(), 0, 0, 0, 0, 0);
	}

	private long call(long number, long a1, long a2, long a3, long a4, long a5) {
		return this.syscall.call(number, a1, a2, a3, a4, a5);
	}

	private int read(CallArea area, StatBuffer into) {
		ByteBuffer stat = area.stat;
		into.modifiedSeconds = stat.getLong(this.table.statModifiedOffset());
		into.device = stat.getLong(LinuxSyscallTable.STAT_DEVICE_OFFSET);
		into.inode = stat.getLong(LinuxSyscallTable.STAT_INODE_OFFSET);
		into.mode = stat.getInt(this.table.statModeOffset());
		into.ownerUid = stat.getInt(this.table.statUidOffset());
		return 0;
	}

	/**
	 * libc's {@code getpwnam_r}, found on first use only: no system call, but the user
	 * database (files, LDAP, ...) through NSS. It returns the error rather than setting
	 * errno.
	 */
	private static final class UserLookup {

		private static final long GETPWNAM_R = JffiSyscall.symbol("getpwnam_r");

		private static final CallContext CONTEXT = CallContext.getCallContext(Type.SINT32,
				new Type[] { Type.POINTER, Type.POINTER, Type.POINTER, Type.UINT64, Type.POINTER },
				CallingConvention.DEFAULT, false);

		// Native memory of its own, freed after the call: a direct buffer reached only
		// through its address could be collected while libc writes into it.
		static long userId(byte[] name, Invoker invoker, MemoryIO memory) {
			long user = memory.allocateMemory(name.length, false);
			long entry = memory.allocateMemory(LinuxSyscallTable.PASSWD_SIZE, true);
			long found = memory.allocateMemory(Long.BYTES, true);
			try {
				memory.putByteArray(user, name, 0, name.length);
				// getpwnam_r reports ERANGE until the buffer holds the whole entry.
				for (int size = 1024; size <= 1024 * 1024; size *= 4) {
					long buffer = memory.allocateMemory(size, false);
					try {
						int error = (int) invoker.invokeN5(CONTEXT, GETPWNAM_R, user, entry, buffer, size, found);
						if (error == 0) {
							return (memory.getLong(found) != 0)
									? Integer.toUnsignedLong(memory.getInt(entry + LinuxSyscallTable.PASSWD_UID_OFFSET))
									: -ENOENT;
						}
						if (error != ERANGE) {
							return -error;
						}
					}
					finally {
						memory.freeMemory(buffer);
					}
				}
				return -ERANGE;
			}
			finally {
				memory.freeMemory(user);
				memory.freeMemory(entry);
				memory.freeMemory(found);
			}
		}

	}

	private static ByteBuffer direct(int capacity) {
		return ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
	}

	/**
	 * One thread's native memory: a {@code struct stat} and a path, in direct buffers
	 * that the garbage collector frees once its thread is gone.
	 */
	private static final class CallArea {

		final ByteBuffer stat;

		final ByteBuffer path;

		final long statAddress;

		final long pathAddress;

		CallArea(int statSize, MemoryIO memory) {
			this.stat = direct(statSize);
			this.path = direct(PATH_CAPACITY);
			this.statAddress = memory.getDirectBufferAddress(this.stat);
			this.pathAddress = memory.getDirectBufferAddress(this.path);
		}

		boolean copyPath(byte[] bytes) {
			if (bytes.length > PATH_CAPACITY) {
				return false;
			}
			this.path.put(0, bytes);
			return true;
		}

	}

}
