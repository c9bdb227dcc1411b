package io.github.fifoliveness.posix;

import java.nio.charset.StandardCharsets;

/**
 * A Unix datagram socket that sends to the address a service manager names in
 * {@code NOTIFY_SOCKET}, which the JDK's own Unix-domain channels cannot: they have
 * neither datagrams nor the abstract namespace. Linux only, thread-safe. Close-on-exec,
 * and non-blocking, so a receiver that does not keep up makes a send fail
 * ({@code EAGAIN}) instead of holding up the sending thread.
 */
public final class NotifySocket implements AutoCloseable {

	private final SocketSyscalls calls;

	private final String address;

	private final byte[] encodedAddress;

	private int fd;

	private NotifySocket(SocketSyscalls calls, String address, byte[] encodedAddress, int fd) {
		this.calls = calls;
		this.address = address;
		this.encodedAddress = encodedAddress;
		this.fd = fd;
	}

	/**
	 * Open a socket that sends to an address. Nothing is sent yet, so an address nobody
	 * listens on is found by the first {@link #send(String)}.
	 * @param address an absolute path, or {@code @} and a name in the abstract namespace
	 * @throws IllegalArgumentException if the address is neither, or too long
	 */
	public static NotifySocket open(String address, NativePosix posix) throws PosixException {
		byte[] encoded = UnixSocketAddress.encode(address);
		SocketSyscalls calls = calls(posix);
		int fd = calls.socket(SocketSyscalls.AF_UNIX, SocketSyscalls.SOCK_DGRAM | SocketSyscalls.SOCK_CLOEXEC_NONBLOCK);
		if (fd < 0) {
			throw PosixException.of("socket", address, -fd);
		}
		return new NotifySocket(calls, address, encoded, fd);
	}

	static SocketSyscalls calls(NativePosix posix) {
		return EventSyscallsBinding.sockets(posix.implementation(), LinuxSyscallTable.current().orElse(null));
	}

	/** Return the address this socket sends to, as given. */
	public String address() {
		return this.address;
	}

	/**
	 * Send a message, such as {@code READY=1}, in UTF-8 as one datagram.
	 * @throws PosixException if the datagram was not sent: nothing listens at the address
	 * ({@code ECONNREFUSED}, {@code ENOENT}), the receiver's queue is full
	 * ({@code EAGAIN}), or the socket is closed ({@code EBADF})
	 */
	public synchronized void send(String message) throws PosixException {
		if (this.fd < 0) {
			throw new PosixException("sendto", this.address, "EBADF", "the socket is closed");
		}
		int result = this.calls.sendto(this.fd, message.getBytes(StandardCharsets.UTF_8), this.encodedAddress);
		if (result < 0) {
			throw PosixException.of("sendto", this.address, -result);
		}
	}

	/** Close the socket; a later {@link #send(String)} fails. */
	@Override
	public synchronized void close() {
		if (this.fd >= 0) {
			this.calls.close(this.fd);
			this.fd = -1;
		}
	}

}
