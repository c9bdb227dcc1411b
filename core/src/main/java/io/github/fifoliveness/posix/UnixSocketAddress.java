package io.github.fifoliveness.posix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@code struct sockaddr_un} as the bytes {@code bind} and {@code sendto} take, with
 * its exact length: a path, NUL-terminated, or after a leading {@code @} a name in the
 * abstract namespace, which starts with a NUL byte and has none at its end (its length
 * says where it ends, as systemd's own {@code sd_notify} sends it).
 */
final class UnixSocketAddress {

	private UnixSocketAddress() {
	}

	static byte[] encode(String address) {
		boolean nameInAbstractNamespace = address.startsWith("@");
		if (!nameInAbstractNamespace && !address.startsWith("/")) {
			throw new IllegalArgumentException(
					"'" + address + "' is neither an absolute path nor an abstract name" + " starting with '@'");
		}
		byte[] name = (nameInAbstractNamespace ? address.substring(1) : address).getBytes(NativeCharset.get());
		if (nameInAbstractNamespace && name.length == 0) {
			throw new IllegalArgumentException("'@' names no socket in the abstract namespace");
		}
		// A path needs its NUL within sun_path; an abstract name starts with one.
		int length = name.length + 1;
		if (length > SocketSyscalls.SUN_PATH_SIZE) {
			throw new IllegalArgumentException("'" + address + "' is longer than a Unix socket address can be ("
					+ (SocketSyscalls.SUN_PATH_SIZE - 1) + " bytes)");
		}
		ByteBuffer bytes = ByteBuffer.allocate(SocketSyscalls.SUN_PATH_OFFSET + length).order(ByteOrder.nativeOrder());
		bytes.putShort((short) SocketSyscalls.AF_UNIX);
		if (nameInAbstractNamespace) {
			bytes.put((byte) 0).put(name);
		}
		else {
			bytes.put(name).put((byte) 0);
		}
		return bytes.array();
	}

}
