package io.github.fifoliveness.posix;

import java.util.function.Supplier;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.posix.FileStat;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.posix.Passwd;
import jnr.posix.util.DefaultPOSIXHandler;
import org.jspecify.annotations.Nullable;

/**
 * {@link Syscalls} through jnr-posix, on JDK 17 to 21 and where {@link LinuxSyscallTable}
 * does not know the platform; jnr-ffi keeps each call's errno per thread.
 */
final class JnrSyscalls implements Syscalls {

	private static final int ENOENT = PosixConstants.current().enoent();

	private final POSIX posix;

	private final PathOpen pathOpen;

	// One stat buffer per thread keeps probes free of allocation.
	private final ThreadLocal<FileStat> statBuffer;

	private JnrSyscalls(POSIX posix, PathOpen pathOpen) {
		this.posix = posix;
		this.pathOpen = pathOpen;
		this.statBuffer = ThreadLocal.withInitial(posix::allocateStat);
	}

	static JnrSyscalls load() {
		return load(() -> POSIXFactory.getNativePOSIX(new DefaultPOSIXHandler()));
	}

	static JnrSyscalls load(Supplier<@Nullable POSIX> loader) {
		POSIX posix;
		try {
			posix = loader.get();
		}
		catch (RuntimeException | LinkageError ex) {
			throw NativePosixUnavailableException.jnrFailed("jnr-posix failed to load: " + ex, ex);
		}
		if (posix == null || !posix.isNative()) {
			String name = (posix != null) ? posix.getClass().getSimpleName() : "nothing";
			throw NativePosixUnavailableException
				.jnrFailed("jnr-posix offered " + name + " instead of a native implementation", null);
		}
		PathOpen pathOpen;
		try {
			pathOpen = LibraryLoader.create(PathOpen.class)
				.load(Platform.getNativePlatform().getStandardCLibraryName());
		}
		catch (RuntimeException | LinkageError ex) {
			throw NativePosixUnavailableException.jnrFailed("libc's open cannot be bound: " + ex, ex);
		}
		return new JnrSyscalls(posix, pathOpen);
	}

	@Override
	public NativeImplementation implementation() {
		return NativeImplementation.JNR;
	}

	@Override
	public int open(byte[] path, int flags, int mode) {
		return result(this.pathOpen.open(path, flags, mode));
	}

	@Override
	public int close(int fd) {
		return result(this.posix.close(fd));
	}

	@Override
	public int fstat(int fd, StatBuffer into) {
		FileStat stat = this.statBuffer.get();
		return read(this.posix.fstat(fd, stat), stat, into);
	}

	@Override
	public int stat(byte[] path, boolean followLinks, StatBuffer into) {
		FileStat stat = this.statBuffer.get();
		String name = string(path);
		return read(followLinks ? this.posix.stat(name, stat) : this.posix.lstat(name, stat), stat, into);
	}

	@Override
	public int mkfifo(byte[] path, int mode) {
		return result(this.posix.mkfifo(string(path), mode));
	}

	@Override
	public int flock(int fd, int operation) {
		return result(this.posix.flock(fd, operation));
	}

	@Override
	public int kill(int pid, int signal) {
		return result(this.posix.kill(pid, signal));
	}

	@Override
	public int pread(int fd, byte[] buffer, int length, long offset) {
		return (int) result(this.posix.pread(fd, buffer, (long) length, offset));
	}

	@Override
	public int pwrite(int fd, byte[] bytes, int length, long offset) {
		return (int) result(this.posix.pwrite(fd, bytes, (long) length, offset));
	}

	@Override
	public int ftruncate(int fd, long length) {
		return result(this.posix.ftruncate(fd, length));
	}

	@Override
	public int fchmod(int fd, int mode) {
		return result(this.posix.fchmod(fd, mode));
	}

	@Override
	public long userId(byte[] name) {
		Passwd entry = this.posix.getpwnam(string(name));
		return (entry != null) ? entry.getUID() : -ENOENT;
	}

	@Override
	public int geteuid() {
		return this.posix.geteuid();
	}

	private int result(int result) {
		return (result < 0) ? -this.posix.errno() : result;
	}

	private long result(long result) {
		return (result < 0) ? -this.posix.errno() : result;
	}

	private int read(int result, FileStat stat, StatBuffer into) {
		if (result < 0) {
			return -this.posix.errno();
		}
		into.device = stat.dev();
		into.inode = stat.ino();
		into.mode = stat.mode();
		into.ownerUid = stat.uid();
		into.modifiedSeconds = stat.mtime();
		return 0;
	}

	// jnr-posix takes strings; the bytes end with the NUL that system calls need.
	private static String string(byte[] path) {
		return new String(path, 0, path.length - 1, NativeCharset.get());
	}

}
