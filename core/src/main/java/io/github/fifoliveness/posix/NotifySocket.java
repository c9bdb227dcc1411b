package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A Unix datagram socket that sends to the address a service manager names in
 * {@code NOTIFY_SOCKET}, which the JDK's own Unix-domain channels cannot: they have
 * neither datagrams nor the abstract namespace. Linux only, thread-safe. Close-on-exec,
 * and non-blocking, so a receiver that does not keep up makes a send fail
 * ({@code EAGAIN}) instead of holding up the sending thread.
 */
public final class NotifySocket implements AutoCloseable {

	private final Syscalls calls;

	private final String address;

	private final byte[] encodedAddress;

	private int fd;

	private NotifySocket(Syscalls calls, String address, byte[] encodedAddress, int fd) {
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
		byte[] encoded = encode(address);
		Syscalls calls = posix.syscalls();
		int fd = calls.socket(Syscalls.AF_UNIX, Syscalls.SOCK_DGRAM | Syscalls.SOCK_CLOEXEC_NONBLOCK);
		if (fd < 0) {
			throw PosixException.of("socket", address, -fd);
		}
		return new NotifySocket(calls, address, encoded, fd);
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

	// A struct sockaddr_un of its exact length: a path and its NUL, or after '@' an
	// abstract name, which starts with a NUL and has none at its end, as sd_notify sends
	// it.
	static byte[] encode(String address) {
		boolean nameInAbstractNamespace = address.startsWith("@");
		if (!nameInAbstractNamespace && !address.startsWith("/")) {
			throw new IllegalArgumentException(
					"'" + address + "' is neither an absolute path nor an abstract name starting with '@'");
		}
		byte[] name = (nameInAbstractNamespace ? address.substring(1) : address)
			.getBytes(NativePosix.fileNameCharset());
		if (nameInAbstractNamespace && name.length == 0) {
			throw new IllegalArgumentException("'@' names no socket in the abstract namespace");
		}
		// A path needs its NUL within sun_path; an abstract name starts with one.
		int length = name.length + 1;
		if (length > Syscalls.SUN_PATH_SIZE) {
			throw new IllegalArgumentException("'" + address + "' is longer than a Unix socket address can be ("
					+ (Syscalls.SUN_PATH_SIZE - 1) + " bytes)");
		}
		ByteBuffer bytes = ByteBuffer.allocate(Syscalls.SUN_PATH_OFFSET + length).order(ByteOrder.nativeOrder());
		bytes.putShort((short) Syscalls.AF_UNIX);
		if (nameInAbstractNamespace) {
			bytes.put((byte) 0).put(name);
		}
		else {
			bytes.put(name).put((byte) 0);
		}
		return bytes.array();
	}

}
