package io.github.fifoliveness.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * {@link SocketSyscalls} from libc through jnr-ffi (jnr-posix has none of them), for the
 * notify socket where {@link LinuxSyscallTable} does not know the platform.
 */
final class JnrSocketSyscalls implements SocketSyscalls {

	private final LibC libc;

	private final Runtime runtime;

	private JnrSocketSyscalls(LibC libc) {
		this.libc = libc;
		this.runtime = Runtime.getRuntime(libc);
	}

	static SocketSyscalls load() {
		return new JnrSocketSyscalls(
				LibraryLoader.create(LibC.class).load(Platform.getNativePlatform().getStandardCLibraryName()));
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
	public int close(int fd) {
		return result(this.libc.close(fd));
	}

	// jnr-ffi saves errno right after each call, on the calling thread.
	private long result(long value) {
		return (value < 0) ? -this.runtime.getLastError() : value;
	}

	private int result(int value) {
		return (int) result((long) value);
	}

	/** The libc functions bound, with C's names. */
	public interface LibC {

		int socket(int domain, int type, int protocol);

		int bind(int fd, @In byte[] addr, int addrlen);

		@ssize_t
		long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrlen);

		@ssize_t
		long read(int fd, @Out byte[] buf, @size_t long count);

		int close(int fd);

	}

}
