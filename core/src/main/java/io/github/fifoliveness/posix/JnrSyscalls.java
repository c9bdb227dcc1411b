package io.github.fifoliveness.posix;

import java.util.function.Supplier;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
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

	private final POSIX posix;

	private final LibC libc;

	// One stat buffer per thread keeps probes free of allocation.
	private final ThreadLocal<FileStat> statBuffer;

	private JnrSyscalls(POSIX posix, LibC libc) {
		this.posix = posix;
		this.libc = libc;
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
		LibC libc;
		try {
			libc = LibraryLoader.create(LibC.class).load(Platform.getNativePlatform().getStandardCLibraryName());
		}
		catch (RuntimeException | LinkageError ex) {
			throw NativePosixUnavailableException.jnrFailed("libc's open cannot be bound: " + ex, ex);
		}
		return new JnrSyscalls(posix, libc);
	}

	@Override
	public NativeImplementation implementation() {
		return NativeImplementation.JNR;
	}

	@Override
	public int open(byte[] path, int flags, int mode) {
		return result(this.libc.open(path, flags, mode));
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
	public int read(int fd, byte[] buffer) {
		return (int) result(this.libc.read(fd, buffer, buffer.length));
	}

	@Override
	public long userId(byte[] name) {
		Passwd entry = this.posix.getpwnam(string(name));
		return (entry != null) ? entry.getUID() : -PosixConstants.ENOENT;
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
		return new String(path, 0, path.length - 1, NativePosix.fileNameCharset());
	}

	/** libc's functions that jnr-posix lacks, or takes a path as a string for (open). */
	public interface LibC {

		int open(@In byte[] path, int flags, int mode);

		int socket(int domain, int type, int protocol);

		int bind(int fd, @In byte[] addr, int addrlen);

		@ssize_t
		long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrlen);

		@ssize_t
		long read(int fd, @Out byte[] buf, @size_t long count);

	}

}
